using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Core.Tests.Budgeting;

public class BudgetEndToEndTests
{
    private static SpeechRequest Line(string id, string text, string model)
        => new(text, FakeVoiceCatalog.Rachel) { ModelId = model, Project = "show", LineId = id, AccountId = "key1" };

    private static readonly SpeechRequest[] Script =
    [
        Line("l1", "Welcome back to the show, everyone.", "eleven_multilingual_v2"),
        Line("l2", "Tonight we talk about voices that never vanish.", "eleven_flash_v2_5"),
        Line("l3", "Stay with us after the break.", "eleven_turbo_v2_5"),
        Line("l4", "A line with an odd length, for rounding!", "eleven_flash_v2_5"),
        Line("l5", "And a closing line on the default model.", "eleven_multilingual_v2"),
    ];

    [Fact]
    public async Task MixedWorkload_LedgerEqualsFakeBilling_AndEstimateEqualsSpend()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();
        var estimate = await harness.Estimator.EstimateAsync(Script, "key1", "show");
        var regeneration = Script[1] with { Text = "Tonight we talk about voices that stay." };
        var regenerationEstimate = await harness.Estimator.EstimateAsync([regeneration], "key1", "show");

        foreach (var request in Script)
        {
            await harness.SayAsync(request);                                      // misses
        }

        await Task.WhenAll(Script.Select(r => harness.SayAsync(r)));              // hits
        await harness.SayAsync(regeneration);                                      // a new take of line l2
        harness.Fake.Account.Voices.TryRemove(FakeVoiceCatalog.Sarah, out _);
        var failure = await Assert.ThrowsAnyAsync<SpeechException>(() => harness.SayAsync(Line("l6", "This voice is gone.", "eleven_flash_v2_5") with { VoiceId = FakeVoiceCatalog.Sarah }));

        var totals = (await harness.Ledger.SummarizeAsync(LedgerGrouping.Model, since: null))[0];
        Assert.Equal(404, failure.StatusCode);
        Assert.Equal(harness.Fake.BilledCharacters, totals.SpentCredits);
        Assert.Equal(estimate.Credits + regenerationEstimate.Credits, totals.SpentCredits);
        Assert.Equal(estimate.Credits, totals.SavedCredits);
        Assert.Equal(regenerationEstimate.Credits, totals.WastedCredits);
        Assert.Equal(Script.Length * 2 + 1, totals.Requests);
        Assert.True(estimate.Credits < estimate.Characters, "flash and turbo lines cost half");
    }

    [Fact]
    public async Task EstimateAfterRun_CountsCachedLinesAsFree()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();
        await harness.SayAsync(Script[0]);
        await harness.WaitUntilCachedAsync(Script[0]);

        var estimate = await harness.Estimator.EstimateAsync(Script, "key1", "show");

        Assert.Equal(1, estimate.CachedRequests);
        Assert.Equal(Script[0].Text.Length, estimate.CachedCredits);
        Assert.Equal(estimate.Credits - estimate.CachedCredits, estimate.CreditsToSpend);
        Assert.NotNull(estimate.Quota);
        Assert.Equal(harness.Fake.Account.CharacterLimit - harness.Fake.Account.CharacterCount, estimate.Quota!.RemainingCredits);
    }

    [Fact]
    public async Task TwoHundredConcurrent_BudgetFor50_NeverOverspendsAndRefusalsNeverReachUpstream()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();
        await harness.Budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Day, 50 * 20, BudgetMode.Hard));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await harness.SayAsync(new SpeechRequest($"request number {i:D4}!", FakeVoiceCatalog.George) { AccountId = "key1" });
                return "ok";
            }
            catch (SpeechException error)
            {
                return error.Status;
            }
        }));

        var spent = Assert.Single(await harness.Budgets.ListAsync()).SpentCredits;
        Assert.Equal(50, outcomes.Count(o => o == "ok"));
        Assert.Equal(150, outcomes.Count(o => o == "budget_exceeded"));
        // Exactly 50 calls were answered (and billed); any other call upstream saw is the account's concurrency 429, sent
        // again by the provider (unbilled) — a refused request never reaches upstream at all.
        var calls = harness.Fake.Requests.Where(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal)).ToList();
        Assert.Equal(50, calls.Count(r => r.StatusCode == 200));
        Assert.All(calls.Where(r => r.StatusCode != 200), r => Assert.Equal(429, r.StatusCode));
        Assert.Equal(1000, spent);
        Assert.Equal(1000, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task UpstreamQuotaExhausted_UpstreamAnswers401NotServerError_CachedAudioStillServed()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();
        var (first, _) = await harness.SayAsync(Script[0]);
        await harness.WaitUntilCachedAsync(Script[0]);
        harness.Fake.Account.SetCharacterCount(harness.Fake.Account.CharacterLimit - 5);
        var billedBefore = harness.Fake.BilledCharacters;

        var (again, meta) = await harness.SayAsync(Script[0]);
        var error = await Assert.ThrowsAnyAsync<SpeechException>(() => harness.SayAsync(Script[4]));

        Assert.Equal(first, again);
        Assert.Equal(SpeechCacheStatus.Hit, meta.CacheStatus);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("quota_exceeded", error.Status);
        Assert.Equal(billedBefore, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task UpstreamQuotaKnownToBeShort_RefusedLocallyWithoutCallingUpstream()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();
        harness.Fake.Account.SetCharacterCount(harness.Fake.Account.CharacterLimit - 5);

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => harness.SayAsync(Script[0]));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("quota_exceeded", error.Status);
        Assert.Contains("Refused by SpeechGate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LedgerAndBudgets_SurviveRestart()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        var first = await ElevenLabsBudgetHarness.StartAsync(fake: fake);
        await first.Budgets.SetAsync(new Budget(BudgetScope.Project, "show", BudgetPeriod.Month, 1_000, BudgetMode.Hard));
        await first.SayAsync(Script[0]);
        await first.WaitUntilCachedAsync(Script[0]);
        await first.StopPipelineAsync();

        var second = await ElevenLabsBudgetHarness.StartAsync(first.Directory, fake);
        var totals = (await second.Ledger.SummarizeAsync(LedgerGrouping.None, since: null))[0];
        var budget = Assert.Single(await second.Budgets.ListAsync());
        var (_, meta) = await second.SayAsync(Script[0]);
        await second.StopPipelineAsync();

        Assert.Equal(Script[0].Text.Length, totals.SpentCredits);
        Assert.Equal(Script[0].Text.Length, budget.SpentCredits);
        Assert.Equal(SpeechCacheStatus.Hit, meta.CacheStatus);
    }

    [Fact]
    public async Task PaidCalls_PriceFromThePublishedModelRates_ReadOnce()
    {
        await using var harness = await ElevenLabsBudgetHarness.StartAsync();

        await harness.SayAsync(Script[0]);
        await harness.SayAsync(Script[1]);
        await harness.Estimator.EstimateAsync(Script, "key1", "show");

        Assert.Single(harness.Fake.Requests, r => r.Method == "GET" && r.Path == "/v1/models");
    }
}
