using System.Runtime.InteropServices;
using System.Text;

namespace SpeechGate.Providers.Local.Native;

/// <summary>One loaded copy of libespeak-ng, called through function pointers resolved from its own handle.</summary>
/// <remarks>
/// eSpeak NG keeps its state in the library's globals, and that state survives between syntheses (and a second
/// espeak_Initialize). Loading a copy, using it for one request and unloading it (espeak_ng_Terminate, then dlclose)
/// gives every request the same fresh state. No [LibraryImport] binding may exist: it would keep the library loaded.
/// Not thread-safe: one owner at a time.
/// </remarks>
internal sealed unsafe class EspeakLibrary : IDisposable
{
    private readonly nint _handle;
    private readonly delegate* unmanaged[Cdecl]<int, int, byte*, int, int> _initialize;
    private readonly delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int>, void> _setSynthCallback;
    private readonly delegate* unmanaged[Cdecl]<byte*, int> _setVoiceByName;
    private readonly delegate* unmanaged[Cdecl]<int, int, int, int> _setParameter;
    private readonly delegate* unmanaged[Cdecl]<byte*, nuint, uint, int, uint, uint, uint*, void*, int> _synth;
    private readonly delegate* unmanaged[Cdecl]<EspeakVoiceEntry*, EspeakVoiceEntry**> _listVoices;
    private readonly delegate* unmanaged[Cdecl]<int> _terminate;
    private bool _initialized;
    private bool _disposed;

    private EspeakLibrary(nint handle)
    {
        _handle = handle;
        _initialize = (delegate* unmanaged[Cdecl]<int, int, byte*, int, int>)NativeLibrary.GetExport(handle, "espeak_Initialize");
        _setSynthCallback = (delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int>, void>)
            NativeLibrary.GetExport(handle, "espeak_SetSynthCallback");
        _setVoiceByName = (delegate* unmanaged[Cdecl]<byte*, int>)NativeLibrary.GetExport(handle, "espeak_SetVoiceByName");
        _setParameter = (delegate* unmanaged[Cdecl]<int, int, int, int>)NativeLibrary.GetExport(handle, "espeak_SetParameter");
        _synth = (delegate* unmanaged[Cdecl]<byte*, nuint, uint, int, uint, uint, uint*, void*, int>)NativeLibrary.GetExport(handle, "espeak_Synth");
        _listVoices = (delegate* unmanaged[Cdecl]<EspeakVoiceEntry*, EspeakVoiceEntry**>)NativeLibrary.GetExport(handle, "espeak_ListVoices");
        _terminate = (delegate* unmanaged[Cdecl]<int>)NativeLibrary.GetExport(handle, "espeak_ng_Terminate");
    }

    /// <summary>Loads the copy at <paramref name="path"/> (a path, so every copy gets its own globals).</summary>
    /// <exception cref="DllNotFoundException">The file is missing or cannot be loaded.</exception>
    public static EspeakLibrary Load(string path)
    {
        var handle = NativeLibrary.Load(path);
        try
        {
            return new EspeakLibrary(handle);
        }
        catch
        {
            NativeLibrary.Free(handle);
            throw;
        }
    }

    /// <summary>espeak_Initialize; returns the sample rate, or a negative value on failure.</summary>
    public int Initialize(int output, int bufferLengthMs, string? path, int options)
    {
        var utf8 = path is null ? null : Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* bytes = utf8)
        {
            var rate = _initialize(output, bufferLengthMs, bytes, options);

            // Only a successful initialisation is terminated; a failed one leaks what it allocated, once.
            _initialized = rate > 0;
            return rate;
        }
    }

    public void SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int> callback) => _setSynthCallback(callback);

    public int SetVoiceByName(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* bytes = utf8)
        {
            return _setVoiceByName(bytes);
        }
    }

    public int SetParameter(int parameter, int value, int relative) => _setParameter(parameter, value, relative);

    public int Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData)
        => _synth(text, size, position, positionType, endPosition, flags, uniqueIdentifier, userData);

    public EspeakVoiceEntry** ListVoices(EspeakVoiceEntry* voiceSpec) => _listVoices(voiceSpec);

    /// <summary>espeak_ng_Terminate (frees the engine's buffers; without it each unload leaks ~0.8 MB), then dlclose.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_initialized)
        {
            _terminate();
        }

        NativeLibrary.Free(_handle);
    }
}
