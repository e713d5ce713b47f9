using SpeechGate.Metering;

namespace SpeechGate.Server.Hosting;

/// <summary>Folding a batch of free rows: identical answers become one row with their count.</summary>
internal sealed partial class WriteBehindUsageLedger
{
    internal static List<UsageRecord> Fold(List<UsageRecord> batch)
    {
        var rows = new List<UsageRecord>(batch.Count);
        var answers = new List<int>(batch.Count);
        var index = new Dictionary<(UsageRecord Answer, DateTime Day), int>(batch.Count);
        foreach (var record in batch)
        {
            // Records compare by value: the same answer is the same record once time and count are set aside.
            var key = (record with { Time = default, Answers = 0 }, record.Time.UtcDateTime.Date);
            if (index.TryGetValue(key, out var row))
            {
                answers[row] += record.Answers;
                continue;
            }

            index[key] = rows.Count;
            rows.Add(record);
            answers.Add(record.Answers);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (answers[i] != rows[i].Answers)
            {
                rows[i] = rows[i] with { Answers = answers[i] };
            }
        }

        return rows;
    }
}
