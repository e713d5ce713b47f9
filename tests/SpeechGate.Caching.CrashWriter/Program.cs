using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing.Caching;

// Usage: dotnet SpeechGate.Caching.CrashWriter.dll <cache directory> [entries]
// Prints "stored <index>" once an entry is committed, so a test knows what must survive a kill.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: SpeechGate.Caching.CrashWriter <cache directory> [entries]");
    return 2;
}

var count = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
await using var cache = new FileSpeechCache(new SpeechCacheOptions { Directory = args[0], MaxBytes = long.MaxValue, MemoryMaxBytes = 0 });
for (var index = 0; index < count; index++)
{
    var speech = new CachedSpeech(CrashEntries.Audio(index), "audio/mpeg") { BilledCharacters = index, RequestId = $"crash-{index}" };
    await cache.SetAsync(CrashEntries.Key(index), speech);
    await cache.RecordAsync(SpeechCacheStatus.Miss, 0);
    Console.WriteLine($"stored {index}");
}

return 0;
