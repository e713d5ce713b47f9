using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate cache stats|prune|verify</c>: inspect and maintain the audio cache.</summary>
internal static class CacheCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var command = new Command("cache", "Inspect and maintain the audio cache.");
        command.Subcommands.Add(CreateStats(services, context));
        command.Subcommands.Add(CreatePrune(services, context));
        command.Subcommands.Add(CreateVerify(services, context));
        return command;
    }

    private static Command CreateStats(IServiceProvider services, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("stats", "Entries, bytes, hits, misses, coalesced requests and credits saved.") { json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var stats = await services.GetRequiredService<ISpeechCache>().GetStatsAsync(cancellationToken);
            await context.Output.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(stats, CliJson.Options)
                : $"entries {stats.Entries:N0}, {Size(stats.Bytes)}; hits {stats.Hits:N0}, misses {stats.Misses:N0}, coalesced {stats.Coalesced:N0}, bypassed {stats.Bypassed:N0}; credits saved {stats.CreditsSaved:N0}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreatePrune(IServiceProvider services, CliContext context)
    {
        var maxSize = new Option<string>("--max-size") { Description = "Keep at most this much audio, e.g. 500MB, 2GB, 0.", Required = true };
        var command = new Command("prune", "Evict the least recently used entries down to a size.") { maxSize };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var result = await services.GetRequiredService<ISpeechCache>().PruneAsync(ParseSize(parse.GetValue(maxSize)!), cancellationToken);
            await context.Output.WriteLineAsync($"removed {result.EntriesRemoved:N0} entries ({Size(result.BytesRemoved)}); {Size(result.BytesRemaining)} remain");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateVerify(IServiceProvider services, CliContext context)
    {
        var command = new Command("verify", "Re-hash every stored clip; drop corrupt entries. Exits 1 if any were bad.");
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var result = await services.GetRequiredService<ISpeechCache>().VerifyAsync(cancellationToken);
            await context.Output.WriteLineAsync($"checked {result.EntriesChecked:N0} entries; removed {result.BadEntriesRemoved:N0} bad entries and {result.OrphansRemoved:N0} orphaned files");
            return result.BadEntriesRemoved == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    internal static long ParseSize(string text)
    {
        var value = text.Trim().ToUpperInvariant();
        var (number, factor) = value switch
        {
            _ when value.EndsWith("GB", StringComparison.Ordinal) => (value[..^2], 1L << 30),
            _ when value.EndsWith("MB", StringComparison.Ordinal) => (value[..^2], 1L << 20),
            _ when value.EndsWith("KB", StringComparison.Ordinal) => (value[..^2], 1L << 10),
            _ when value.EndsWith('B') => (value[..^1], 1L),
            _ => (value, 1L),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? (long)(amount * factor)
            : throw Synthesis.SpeechException.Validation("max_size", $"--max-size '{text}' is not a size such as 500MB or 2GB.");
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.##} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0.##} KB",
        _ => $"{bytes} B",
    };
}
