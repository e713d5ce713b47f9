using System.Runtime.CompilerServices;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

public sealed class SayCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-say-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Say_ToFile_WritesProviderBytesWithRequestedFormat()
    {
        var provider = new FakeSpeechSynthesizer();
        var path = Path.Combine(_directory, "welcome.wav");

        var run = await CliRun.InvokeAsync(provider, "say", "Welcome to the show.", "-o", path, "--format", "wav_22050", "--voice", "en-us");

        Assert.Equal(0, run.ExitCode);
        var sent = Assert.Single(provider.Requests);
        Assert.Equal("wav_22050", sent.Format.Name);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(sent), await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Say_OutputDash_WritesToStandardOutput()
    {
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(provider.Requests[0]), run.StandardOutput);
    }

    [Fact]
    public async Task Say_TextDash_ReadsStandardInput()
    {
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "-", "-o", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("from stdin", provider.Requests[0].Text);
    }

    [Theory]
    [InlineData("--format", "mp3_44100_999", "output_format")]
    [InlineData("--format", "flac", "output_format")]
    public async Task Say_UnknownFormat_ExitsTwoWithoutCallingProviderOrWritingFile(string option, string value, string expected)
    {
        var provider = new FakeSpeechSynthesizer();
        var path = Path.Combine(_directory, "out.mp3");

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", path, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, provider.Calls);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Say_EmptyText_ExitsTwo()
    {
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "   ", "-o", Path.Combine(_directory, "x.mp3"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Say_UnwritableDirectory_ExitsOneBeforeSynthesising()
    {
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", Path.Combine(_directory, "missing", "x.mp3"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public async Task Say_UnknownVoice_ExitsTwoAndLeavesNoFile()
    {
        var provider = new FakeSpeechSynthesizer { OnSynthesize = (request, _) => throw SpeechException.VoiceNotFound(request.VoiceId) };

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", Path.Combine(_directory, "x.mp3"), "--voice", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Say_FailureMidStream_LeavesNoPartialFile()
    {
        var provider = new FakeSpeechSynthesizer { OnSynthesize = (request, token) => Task.FromResult(new SpeechAudio("audio/mpeg", FailAfterOneChunk(token))) };

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", Path.Combine(_directory, "x.mp3"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("connection reset", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    private static async IAsyncEnumerable<AudioChunk> FailAfterOneChunk([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new AudioChunk(new byte[] { 1, 2, 3 });
        throw new SpeechException(502, "upstream_reset", "connection reset after 3 bytes") { AfterAudioStarted = true };
    }
}
