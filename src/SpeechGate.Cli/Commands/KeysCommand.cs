using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SpeechGate.Hosting;
using SpeechGate.Server.Authentication;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate keys create|list|revoke</c>: gateway keys for clients of <c>speechgate serve</c>.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Create, list and revoke gateway keys (stored hashed in the data directory).");
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateRevoke(context));
        return command;
    }

    private static GatewayKeyStore Store() => new(SpeechGatePaths.DataDirectory);

    private static Command CreateCreate(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "A name for the key (who or what uses it).", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Allow admin routes (ledger, voice health)." };
        var command = new Command("create", "Create a key and print it once; only its hash is stored.") { name, admin };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length == 0)
            {
                throw Synthesis.SpeechException.Validation("name", "--name must not be empty.");
            }

            var created = await Store().CreateAsync(keyName, parse.GetValue(admin), cancellationToken);
            await context.Output.WriteLineAsync(created.Secret);
            await context.Error.WriteLineAsync($"created key {created.Key.Id} ({created.Key.Name}{(created.Key.IsAdmin ? ", admin" : "")}); it is shown only now: send it as xi-api-key");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List keys (never their secrets).") { json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var keys = await Store().ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(keys, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Id", "Name", "Admin", "Created", "Revoked");
            foreach (var key in keys)
            {
                table.AddRow(key.Id, Markup.Escape(key.Name), key.IsAdmin ? "yes" : "", key.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), key.RevokedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            CliJson.Console(context).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateRevoke(CliContext context)
    {
        var key = new Argument<string>("key") { Description = "Key id or name." };
        var command = new Command("revoke", "Revoke a key; clients using it get 401 within seconds.") { key };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var revoked = await Store().RevokeAsync(parse.GetValue(key)!, cancellationToken);
            await (revoked ? context.Output : context.Error).WriteLineAsync(revoked ? "revoked" : $"error: no active key '{parse.GetValue(key)}'");
            return revoked ? ExitCodes.Success : ExitCodes.InvalidInput;
        }));
        return command;
    }
}
