using System.Security.Cryptography;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

/// <summary>Memory per in-flight clip is a reader's current read, whatever the clip's length and the readers' pace.</summary>
/// <remarks>
/// Bytes are compared by hash, never held whole: tests in this process that measure the live heap run alongside.
/// </remarks>
public sealed class InFlightSpeechTests : IAsyncLifetime
{
    // About 19 MB: longer than every read window and buffer on the way, far shorter than a real 34,000-character clip.
    private const int ChunkCount = 400;
    private const int ChunkBytes = 48 * 1024;

    private readonly TemporaryDirectory _directory = new();
    private FileSpeechCache _cache = null!;

    public Task InitializeAsync()
    {
        _cache = new FileSpeechCache(new SpeechCacheOptions { Directory = _directory.Path });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cache.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task AppendAsync_ReaderStalledAfterFirstChunk_ClipGoesToTheStoreFileNotToMemory()
    {
        var flight = new InFlightSpeech();
        var stalled = flight.OpenLeader();
        flight.Start(Upstream(), ((ISpeechSpoolStore)_cache).CreateSpool());
        await using var chunks = stalled.ReadAsync().GetAsyncEnumerator();

        await flight.AppendAsync(new AudioChunk(Chunk(0)));
        Assert.True(await chunks.MoveNextAsync());
        var firstRead = chunks.Current.Audio;
        for (var i = 1; i < ChunkCount; i++)
        {
            await flight.AppendAsync(new AudioChunk(Chunk(i)));
        }

        // The whole clip has arrived while the reader sat on its first chunk: it is on disk, none of it in memory.
        var spooled = Assert.Single(Directory.GetFiles(Path.Combine(_directory.Path, "blobs"), ".spool.*"));
        Assert.Equal((long)ChunkCount * ChunkBytes, new FileInfo(spooled).Length);
        Assert.Equal((long)ChunkCount * ChunkBytes, flight.Length);
        Assert.Equal(0, flight.MemoryBytes);

        flight.Complete();
        var rest = await ReadRestAsync(chunks, firstRead);
        Assert.InRange(firstRead.Length, 1, InFlightSpeech.ReadSize);
        Assert.All(rest.Sizes, size => Assert.InRange(size, 1, InFlightSpeech.ReadSize));
        Assert.Equal(ExpectedHash(ChunkCount), rest.Hash);
    }

    [Fact]
    public async Task ReadAsync_LateJoinerAfterTheWholeClip_ReadsFromByteZeroInBoundedPieces()
    {
        var flight = new InFlightSpeech();
        var leader = flight.OpenLeader();
        flight.Start(Upstream(), ((ISpeechSpoolStore)_cache).CreateSpool());
        for (var i = 0; i < ChunkCount; i++)
        {
            await flight.AppendAsync(new AudioChunk(Chunk(i)));
        }

        Assert.True(flight.TryOpenReader(leader: false, out var late));
        flight.Complete();
        await using var chunks = late.ReadAsync().GetAsyncEnumerator();
        var read = await ReadRestAsync(chunks);
        await leader.DisposeAsync();

        Assert.Equal(ExpectedHash(ChunkCount), read.Hash);
        Assert.All(read.Sizes, size => Assert.InRange(size, 1, InFlightSpeech.ReadSize));
        Assert.Equal(0, flight.MemoryBytes);
    }

    [Fact]
    public async Task StoreAsync_SpooledClip_IsPublishedWholeAndReadsBackVerified()
    {
        // A 1 MB memory tier admits clips up to 64 KB on publish; this one is 480 KB.
        const int chunkCount = 10;
        await _cache.DisposeAsync();
        _cache = new FileSpeechCache(new SpeechCacheOptions { Directory = _directory.Path, MemoryMaxBytes = 1 << 20 });
        var flight = new InFlightSpeech();
        var leader = flight.OpenLeader();
        flight.Start(Upstream(), ((ISpeechSpoolStore)_cache).CreateSpool());
        for (var i = 0; i < chunkCount; i++)
        {
            await flight.AppendAsync(new AudioChunk(Chunk(i)));
        }

        flight.Complete();
        var key = SpeechCacheKey.From(new SpeechRequest("a long chapter", "voice") { Provider = "local" });
        await flight.StoreAsync(key, new CachedSpeech(ReadOnlyMemory<byte>.Empty, "audio/pcm") { BilledCharacters = 14 });
        await leader.DisposeAsync();
        flight.ReleaseWriter();

        // Too long to be read back into the memory tier on publish (a sixteenth of its cap): it enters on its first hit.
        var heldOnPublish = _cache.MemoryBytes;
        var stored = await _cache.GetAsync(key);
        var files = Directory.GetFiles(Path.Combine(_directory.Path, "blobs")).Select(Path.GetFileName).ToList();

        Assert.NotNull(stored);
        Assert.Equal(ExpectedHash(chunkCount), SHA256.HashData(stored.Audio.Span));
        Assert.Equal(("audio/pcm", 14), (stored.MediaType, stored.BilledCharacters));
        Assert.Equal(0, heldOnPublish);
        Assert.Equal((long)chunkCount * ChunkBytes, _cache.MemoryBytes);
        Assert.Equal([Convert.ToHexStringLower(ExpectedHash(chunkCount))], files);

    }

    [Fact]
    public async Task ReleaseWriter_FlightNeverStored_DeletesItsTemporaryFileOnceTheLastReaderLetsGo()
    {
        var flight = new InFlightSpeech();
        var reader = flight.OpenLeader();
        flight.Start(Upstream(), ((ISpeechSpoolStore)_cache).CreateSpool());
        await flight.AppendAsync(new AudioChunk(Chunk(0)));
        flight.Fail(new IOException("The upstream connection was reset."));

        flight.ReleaseWriter();
        var whileReaderHolds = Directory.GetFiles(Path.Combine(_directory.Path, "blobs")).Length;
        await reader.DisposeAsync();

        Assert.Equal(1, whileReaderHolds);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory.Path, "blobs")));
        Assert.False(flight.TryOpenReader(leader: false, out _));
    }

    [Fact]
    public async Task AppendAsync_MemorySpoolForStoresWithoutFiles_HoldsTheClip()
    {
        // The contrast that makes the measure above meaningful: a store that takes only finished clips is spooled in memory.
        var flight = new InFlightSpeech();
        _ = flight.OpenLeader();
        flight.Start(Upstream(), new MemorySpeechSpool(_cache));
        for (var i = 0; i < 10; i++)
        {
            await flight.AppendAsync(new AudioChunk(Chunk(i)));
        }

        Assert.Equal(10L * ChunkBytes, flight.MemoryBytes);
    }

    private static SpeechAudio Upstream() => new("audio/pcm", AsyncEnumerable.Empty<AudioChunk>());

    private static byte[] Chunk(int index)
    {
        var bytes = new byte[ChunkBytes];
        new Random(index).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ExpectedHash(int chunkCount)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < chunkCount; i++)
        {
            hash.AppendData(Chunk(i));
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Reads to the end; returns the SHA-256 of <paramref name="alreadyRead"/> and everything after it, and each read's size.</summary>
    private static async Task<(byte[] Hash, List<int> Sizes)> ReadRestAsync(IAsyncEnumerator<AudioChunk> chunks, ReadOnlyMemory<byte> alreadyRead = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(alreadyRead.Span);
        var sizes = new List<int>();
        while (await chunks.MoveNextAsync())
        {
            sizes.Add(chunks.Current.Audio.Length);
            hash.AppendData(chunks.Current.Audio.Span);
        }

        return (hash.GetHashAndReset(), sizes);
    }
}
