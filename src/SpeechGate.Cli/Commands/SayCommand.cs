using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Audio;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate say "TEXT" -o FILE</c>: synthesises one clip through the pipeline.</summary>
internal static class SayCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var text = new Argument<string>("text") { Description = "What to say; '-' reads standard input." };
        var output = new Option<string>("--output", "-o") { Description = "File to write; '-' writes to standard output.", Required = true };
        var voice = new Option<string?>("--voice", "-v") { Description = "Voice id or alias (default: the provider's default voice)." };
        var model = new Option<string?>("--model", "-m") { Description = "Model id (default: the provider's default)." };
        var format = new Option<string>("--format", "-f") { Description = "ElevenLabs output_format, e.g. mp3_44100_128, wav_22050, opus_48000_64.", DefaultValueFactory = _ => AudioFormat.Default.Name };
        var provider = new Option<string?>("--provider", "-p") { Description = "Provider: local (default) or elevenlabs." };
        var speed = new Option<double?>("--speed") { Description = "Speaking rate, 1.0 is normal." };

        var command = new Command("say", "Synthesise TEXT and write the audio to a file or standard output.") { text, output, voice, model, format, provider, speed };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var request = new SpeechRequest(await ReadTextAsync(parse.GetValue(text)!, context, cancellationToken), "")
            {
                Provider = parse.GetValue(provider),
                ModelId = parse.GetValue(model),
                Format = AudioFormat.Parse(parse.GetValue(format)),
                VoiceSettings = parse.GetValue(speed) is { } rate ? new VoiceSettings { Speed = rate } : null,
            };
            if (string.IsNullOrWhiteSpace(request.Text))
            {
                throw SpeechException.Validation("text", "Text is empty: give something to say.");
            }

            if (request.Text.Length > StandardInput.MaxCharacters)
            {
                throw SpeechException.Validation("text", $"Text is over {StandardInput.MaxCharacters:N0} characters: split it into lines (speechgate render) or shorter calls.");
            }

            request = request with { VoiceId = parse.GetValue(voice) ?? DefaultVoices.For(services, request.Provider) };
            return await WriteAsync(services.GetRequiredService<ISpeechSynthesizer>(), request, parse.GetValue(output)!, context, cancellationToken);
        }));
        return command;
    }

    private static async Task<string> ReadTextAsync(string text, CliContext context, CancellationToken cancellationToken)
    {
        if (text != "-")
        {
            return text;
        }

        if (context.IsStandardInputClosed())
        {
            throw SpeechException.Validation("text", "'-' reads the text from standard input, but standard input is closed.");
        }

        return await StandardInput.ReadAsync(context.OpenStandardInput(), cancellationToken);
    }

    private static async Task<int> WriteAsync(ISpeechSynthesizer synthesizer, SpeechRequest request, string output, CliContext context, CancellationToken cancellationToken)
    {
        if (output == "-")
        {
            await using var audio = await synthesizer.SynthesizeAsync(request, cancellationToken);
            await using var stdout = context.OpenStandardOutput();
            await audio.CopyToAsync(stdout, cancellationToken);
            await WarnIfFallbackAsync(audio, context);
            return ExitCodes.Success;
        }

        // Open the destination first: an unwritable path must fail before anything is synthesised or paid for.
        await using var file = OutputFile.Create(output);
        await using (var audio = await synthesizer.SynthesizeAsync(request, cancellationToken))
        {
            long written = 0;
            await foreach (var chunk in audio.Chunks.WithCancellation(cancellationToken))
            {
                await file.Stream.WriteAsync(chunk.Audio, cancellationToken);
                written += chunk.Audio.Length;
            }

            await file.CommitAsync(cancellationToken);
            await WarnIfFallbackAsync(audio, context);
            await context.Error.WriteLineAsync($"wrote {output} ({written:N0} bytes, {audio.MediaType}, {audio.BilledCharacters} credits)");
        }

        return ExitCodes.Success;
    }

    private static async Task WarnIfFallbackAsync(SpeechAudio audio, CliContext context)
    {
        if (audio.FallbackFromVoiceId is { } missing)
        {
            await context.Error.WriteLineAsync($"warning: voice {missing} was not found; fallback voice {audio.ResolvedVoiceId} spoke instead (run `speechgate voices check`).");
        }
    }
}
