using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.VoiceResolution;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a fake "local" provider.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] StandardOutput)
{
    // Every CLI test in this process shares one throw-away data directory, never the user's.
    public static readonly string DataDirectory = CreateDataDirectory();

    private static string CreateDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-cli-data-").FullName;
        Environment.SetEnvironmentVariable("SPEECHGATE_DATA", directory);
        return directory;
    }

    public static async Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, params string[] args)
        => await InvokeAsync(provider, new FakeVoiceDirectory("local", new VoiceInfo("en-us", "English (America)", "premade", "local")), args);

    public static Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, FakeVoiceDirectory voices, params string[] args)
        => InvokeAsync(provider, voices, null, args);

    /// <summary>Runs with extra registrations (e.g. the fake ElevenLabs provider, voice file locations).</summary>
    public static async Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, FakeVoiceDirectory voices, Action<IServiceCollection>? configure, params string[] args)
    {
        _ = DataDirectory;
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdout = new MemoryStream();
        var context = new CliContext(output, error, () => new NonClosingStream(stdout), () => new MemoryStream(Encoding.UTF8.GetBytes(StandardInput)));

        var code = await CliApplication.RunAsync(args, context, services =>
        {
            services.AddKeyedSingleton<ISpeechSynthesizer>("local", provider);
            services.AddKeyedSingleton<IVoiceDirectory>("local", voices);

            // Tests never write the per-user data directory, and each run starts with an empty cache unless a test
            // points runs at one directory through its configure callback.
            services.Configure<VoiceResolutionOptions>(options => options.RecentVoicesFile = null);
            services.Configure<SpeechCacheOptions>(options => options.Directory = Path.Combine(DataDirectory, "cache-" + Guid.NewGuid().ToString("N")));
            configure?.Invoke(services);
        });

        return new CliRun(code, output.ToString(), error.ToString(), stdout.ToArray());
    }

    private static readonly AsyncLocal<string?> Input = new();

    /// <summary>What the fake standard input holds for the current test (async-local, so parallel tests don't share it).</summary>
    public static string StandardInput
    {
        get => Input.Value ?? "from stdin";
        set => Input.Value = value;
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
