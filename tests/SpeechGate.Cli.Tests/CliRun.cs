using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.VoiceResolution;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a fake "local" provider.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] StandardOutput)
{
    public static async Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, params string[] args)
        => await InvokeAsync(provider, new FakeVoiceDirectory("local", new VoiceInfo("en-us", "English (America)", "premade", "local")), args);

    public static Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, FakeVoiceDirectory voices, params string[] args)
        => InvokeAsync(provider, voices, null, args);

    /// <summary>Runs with extra registrations (e.g. the fake ElevenLabs provider, voice file locations).</summary>
    public static async Task<CliRun> InvokeAsync(FakeSpeechSynthesizer provider, FakeVoiceDirectory voices, Action<IServiceCollection>? configure, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdout = new MemoryStream();
        var context = new CliContext(output, error, () => new NonClosingStream(stdout), () => new MemoryStream("from stdin"u8.ToArray()));

        var code = await CliApplication.RunAsync(args, context, services =>
        {
            services.AddKeyedSingleton<ISpeechSynthesizer>("local", provider);
            services.AddKeyedSingleton<IVoiceDirectory>("local", voices);

            // Tests never write the per-user data directory.
            services.Configure<VoiceResolutionOptions>(options => options.RecentVoicesFile = null);
            configure?.Invoke(services);
        });

        return new CliRun(code, output.ToString(), error.ToString(), stdout.ToArray());
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
