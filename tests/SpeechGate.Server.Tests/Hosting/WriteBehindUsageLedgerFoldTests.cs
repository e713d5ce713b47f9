using SpeechGate.Metering;
using SpeechGate.Server.Hosting;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Tests.Hosting;

public sealed class WriteBehindUsageLedgerFoldTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdenticalFreeAnswers_FoldIntoOneRowWithTheirCount_TimedAtTheFirst()
    {
        List<UsageRecord> batch = [Hit(Noon), Hit(Noon.AddMilliseconds(5)), Hit(Noon.AddMilliseconds(9))];

        var row = Assert.Single(WriteBehindUsageLedger.Fold(batch));

        Assert.Equal(3, row.Answers);
        Assert.Equal(Noon, row.Time);
        Assert.Equal(Hit(Noon) with { Answers = 3 }, row);
    }

    public static TheoryData<UsageRecord> Different => new()
    {
        Hit(Noon) with { AccountId = "key-2" },
        Hit(Noon) with { Project = "other" },
        Hit(Noon) with { LineId = "line-2" },
        Hit(Noon) with { AudioKey = new string('b', 64) },
        Hit(Noon) with { CacheStatus = SpeechCacheStatus.Coalesced },
        Hit(Noon) with { EstimatedCredits = 99 },
        Hit(Noon.AddHours(12)),
    };

    [Theory]
    [MemberData(nameof(Different))]
    public void AnswersThatDifferInAnythingButTime_StaySeparateRows(UsageRecord other)
    {
        var rows = WriteBehindUsageLedger.Fold([Hit(Noon), other, Hit(Noon.AddSeconds(1))]);

        Assert.Equal(2, rows.Count);
        Assert.Equal((2, 1), (rows[0].Answers, rows[1].Answers));
        Assert.Equal(other, rows[1]);
    }

    [Fact]
    public void AlreadyFoldedRows_AddTheirCounts()
    {
        var row = Assert.Single(WriteBehindUsageLedger.Fold([Hit(Noon) with { Answers = 4 }, Hit(Noon)]));

        Assert.Equal(5, row.Answers);
    }

    private static UsageRecord Hit(DateTimeOffset time) => new()
    {
        Time = time,
        AccountId = "key-1",
        Project = "trailer",
        LineId = "line-1",
        Provider = "elevenlabs",
        VoiceId = "21m00Tcm4TlvDq8ikWAM",
        ModelId = "eleven_flash_v2_5",
        Characters = 14,
        EstimatedCredits = 7,
        RequestId = "req-1",
        CacheStatus = SpeechCacheStatus.Hit,
        AudioKey = new string('a', 64),
    };
}
