using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SpeechGate.Providers.Local.Native;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>The native sequences run on one loaded copy: initialise, and set voice + rate + synthesise.</summary>
internal static unsafe class EspeakCalls
{
    /// <summary>Initialises synchronous output and the callback; returns the engine's sample rate.</summary>
    public static int Initialize(EspeakLibrary library, string? dataPath)
    {
        // The library silently falls back to the system data when a given path is wrong; a configured path must exist.
        if (dataPath is not null && !Directory.Exists(Path.Combine(dataPath, "espeak-ng-data")) && !File.Exists(Path.Combine(dataPath, "phontab")))
        {
            throw LocalEngineUnavailable.Create(
                $"No espeak-ng-data at '{dataPath}' (Providers:Local:DataPath); install the apt package espeak-ng-data or fix the path.", null);
        }

        // DONT_EXIT: without it the library calls exit() when the data directory is missing.
        var rate = library.Initialize(EspeakNative.AudioOutputSynchronous, 0, dataPath, EspeakNative.InitializeDontExit);
        if (rate > 0)
        {
            library.SetSynthCallback(&OnSynth);
            return rate;
        }

        throw LocalEngineUnavailable.Create(
                $"eSpeak NG could not load its data from '{dataPath ?? "the system default"}'; install the apt package espeak-ng-data or set Providers:Local:DataPath.",
                null);
    }

    /// <summary>Sets voice and rate, then synthesises <paramref name="text"/> into <paramref name="sink"/>.</summary>
    public static void Synthesize(EspeakLibrary library, string text, string voiceIdentifier, int rate, SynthesisSink sink)
    {
        Check(library.SetVoiceByName(voiceIdentifier), "espeak_SetVoiceByName");
        Check(library.SetParameter(EspeakNative.ParameterRate, rate, 0), "espeak_SetParameter");
        var utf8 = Encoding.UTF8.GetBytes(text + "\0");
        var handle = GCHandle.Alloc(sink);
        try
        {
            fixed (byte* bytes = utf8)
            {
                var status = library.Synth(
                    bytes, (nuint)utf8.Length, 0, EspeakNative.PositionCharacter, 0,
                    EspeakNative.CharsUtf8 | EspeakNative.EndPause, null, (void*)GCHandle.ToIntPtr(handle));
                if (sink.Failure is { } failure)
                {
                    throw new SpeechException("The local engine failed while synthesising.", failure);
                }

                if (!sink.Aborted)
                {
                    Check(status, "espeak_Synth");
                }
            }
        }
        finally
        {
            handle.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSynth(short* samples, int count, EspeakEvent* events)
    {
        // Synchronous mode calls back on the thread inside espeak_Synth; user_data routes to that call's sink, so one
        // static callback serves every loaded copy.
        if (events == null || events->UserData == 0 || GCHandle.FromIntPtr(events->UserData).Target is not SynthesisSink sink)
        {
            return 1;
        }

        return sink.Accept(samples, count, events) ? 0 : 1;
    }

    private static void Check(int status, string function)
    {
        if (status != 0)
        {
            throw new SpeechException($"The local engine failed: {function} returned {status}.");
        }
    }
}
