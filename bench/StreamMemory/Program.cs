using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

// Usage: StreamMemory <gateway-url> <server-pid> <cache-blob-dir> <streams> <characters> [bytes-per-second=204800] [max-seconds=300] [hit]
// Streams <streams> distinct texts of <characters> characters each (no two share a cache key) as pcm_22050 from
// /v1/text-to-speech/{voice}/stream, every client reading at about <bytes-per-second>, and polls the server's resident memory
// (/proc/<pid>/status VmRSS, every 50 ms) until every clip is stored in the cache (the server has synthesised and spooled
// all of it) and 3 s more, or max-seconds. Prints key=value lines for bench/stream-memory.sh. Clips are counted as they
// appear in the blob directory, not as they remain: 20 long clips pass the default 1 GiB cap, so the first are evicted.
// With "hit", the clips are synthesised and stored during the warm-up, and the measured streams are cache hits, read
// for 20 s (a long clip is longer than the memory tier, so each hit is read from disk).
var invariant = CultureInfo.InvariantCulture;
var gateway = new Uri(args[0]);
var pid = int.Parse(args[1], invariant);
var blobs = args[2];
var streams = int.Parse(args[3], invariant);
var characters = int.Parse(args[4], invariant);
var rate = args.Length > 5 ? int.Parse(args[5], invariant) : 200 * 1024;
var maxSeconds = args.Length > 6 ? int.Parse(args[6], invariant) : 300;
var hits = args.Length > 7 && args[7] == "hit";
const string Voice = "VFi9svz5baIlnahpKgs7"; // the local engine's default voice (LocalVoices.DefaultVoiceId)
const string Route = $"/v1/text-to-speech/{Voice}/stream?output_format=pcm_22050";
const string Model = "eleven_flash_v2_5"; // takes up to 40,000 characters per request

using var http = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };

// Warm-up: load the engine, JIT the miss path and open the cache, so the baseline is the idle server a user has.
using (var warm = await http.PostAsJsonAsync(Route, new { text = "Warming up the engine before measuring. " + Text(-1, 400), model_id = Model }))
{
    warm.EnsureSuccessStatusCode();
    await warm.Content.ReadAsByteArrayAsync();
}

if (hits)
{
    await Task.WhenAll(Enumerable.Range(0, streams).Select(async i =>
    {
        using var response = await http.PostAsJsonAsync(Route, new { text = Text(i, characters), model_id = Model }, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
    }));
}

await Task.Delay(2000);
var seen = new Dictionary<string, long>(StringComparer.Ordinal);
var storedBefore = Stored();
var baseline = ReadStatus("VmRSS");
var peak = baseline;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
var received = new long[streams];
var clock = Stopwatch.StartNew();
var readers = Enumerable.Range(0, streams).Select(i => Task.Run(() => ReadSlowlyAsync(i, stop.Token))).ToList();

TimeSpan? doneAt = hits ? TimeSpan.FromSeconds(17) : null;
while (!stop.IsCancellationRequested && (doneAt is null || clock.Elapsed < doneAt + TimeSpan.FromSeconds(3)))
{
    peak = Math.Max(peak, ReadStatus("VmRSS"));
    if (doneAt is null && Stored() - storedBefore >= streams)
    {
        doneAt = clock.Elapsed;
    }

    await Task.Delay(50);
}

var timedOut = doneAt is null;
await stop.CancelAsync();
await Task.WhenAll(readers);
Stored();
var clipBytes = seen.Values.Sum();
Report("streams", $"{streams}");
Report("characters", $"{characters}");
Report("baseline_kb", $"{baseline}");
Report("peak_kb", $"{peak}");
Report("hwm_kb", $"{ReadStatus("VmHWM")}");
Report("growth_kb", $"{peak - baseline}");
Report("stored_bytes", $"{clipBytes}");
Report("received_bytes", $"{received.Sum()}");
Report("synthesised_seconds", $"{doneAt?.TotalSeconds ?? -1:F1}");
Report("timed_out", $"{timedOut}");
return timedOut ? 1 : 0;

static void Report(string key, FormattableString value) => Console.WriteLine($"{key}={value.ToString(CultureInfo.InvariantCulture)}");

async Task ReadSlowlyAsync(int index, CancellationToken cancellationToken)
{
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonContent.Create(new { text = Text(index, characters), model_id = Model }) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Stream {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[8192];
        var started = Stopwatch.StartNew();
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            received[index] += read;
            var due = TimeSpan.FromSeconds(received[index] / (double)rate) - started.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
        }
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        // The measurement is over: the client hangs up mid-stream, as a listener who stops would.
    }
}

// Narration-like sentences; the stream's number in every sentence keeps each stream's text (and cache key) its own.
static string Text(int stream, int length)
{
    var text = new System.Text.StringBuilder();
    for (var sentence = 0; text.Length < length; sentence++)
    {
        text.Append(invariantFormat($"Chapter {stream + 2}, part {sentence}: the narrator reads on while the quick brown fox jumps over the lazy dog, and the evening grows late. "));
    }

    return text.ToString(0, length);

    static string invariantFormat(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

long ReadStatus(string field)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith(field + ":", StringComparison.Ordinal))
        {
            return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), invariant);
        }
    }

    throw new InvalidOperationException($"/proc/{pid}/status has no {field}.");
}

// Every clip ever published (a blob appears whole, by rename), including those the cap evicted since.
int Stored()
{
    if (Directory.Exists(blobs))
    {
        foreach (var file in new DirectoryInfo(blobs).EnumerateFiles())
        {
            try
            {
                if (!file.Name.StartsWith('.') && !seen.ContainsKey(file.Name))
                {
                    seen[file.Name] = file.Length;
                }
            }
            catch (FileNotFoundException)
            {
                // Evicted between the listing and the look: the cap evicts the least recently hit clips, which earlier polls saw.
            }
        }
    }

    return seen.Count;
}
