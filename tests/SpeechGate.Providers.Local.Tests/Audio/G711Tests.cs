using SpeechGate.Providers.Local.Audio;

namespace SpeechGate.Providers.Local.Tests.Audio;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(1000, 0xCE)]
    public void ToMuLaw_KnownSamples_MatchTheReferenceTable(short sample, int expected)
        => Assert.Equal((byte)expected, G711.ToMuLaw(sample));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-8, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    public void ToALaw_KnownSamples_MatchTheReferenceTable(short sample, int expected)
        => Assert.Equal((byte)expected, G711.ToALaw(sample));

    [Fact]
    public async Task ToMuLaw_MatchesSoxOnARamp()
    {
        var samples = Enumerable.Range(-32768, 65536).Where(i => i % 97 == 0).Select(i => (short)i).ToArray();
        var ours = samples.Select(G711.ToMuLaw).ToArray();

        var theirs = await ConvertWithSoxAsync(samples, "ul");

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task ToALaw_MatchesSoxOnARamp()
    {
        var samples = Enumerable.Range(-32768, 65536).Where(i => i % 97 == 0).Select(i => (short)i).ToArray();
        var ours = samples.Select(G711.ToALaw).ToArray();

        var theirs = await ConvertWithSoxAsync(samples, "al");

        // sox rounds to 13 bits where the ITU/Sun reference truncates, so codes may differ by one step at a boundary.
        Assert.Equal(theirs.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(theirs[i] & 0x80, ours[i] & 0x80);
            Assert.InRange(((ours[i] ^ 0x55) & 0x7F) - ((theirs[i] ^ 0x55) & 0x7F), -1, 1);
        }
    }

    private static async Task<byte[]> ConvertWithSoxAsync(short[] samples, string type)
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-g711-");
        try
        {
            var input = Path.Combine(directory.FullName, "in.raw");
            var output = Path.Combine(directory.FullName, "out." + type);
            await File.WriteAllBytesAsync(input, samples.SelectMany(BitConverter.GetBytes).ToArray());
            await Support.SoxDecoder.RunAsync("sox", "-D", "-t", "raw", "-e", "signed", "-b", "16", "-L", "-r", "8000", "-c", "1", input, "-t", type, output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
