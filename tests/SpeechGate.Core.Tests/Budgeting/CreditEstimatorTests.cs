using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Budgeting;

public class CreditEstimatorTests
{
    private static readonly CreditEstimator Estimator = new(Options.Create(new BudgetOptions()), new SpeechRequestResolver("elevenlabs"));

    [Theory]
    [InlineData("eleven_multilingual_v2", 1001, 1001)]
    [InlineData(null, 1000, 1000)]
    [InlineData("eleven_flash_v2_5", 1000, 500)]
    [InlineData("eleven_turbo_v2", 1001, 501)]
    [InlineData("some_future_model", 10, 10)]
    public void EstimateCredits_UsesModelMultiplierRoundedUp(string? model, int characters, int expected)
    {
        var request = new SpeechRequest(new string('a', characters), "v") { ModelId = model };

        Assert.Equal(expected, Estimator.EstimateCredits(request));
    }

    [Fact]
    public void CountCharacters_CountsCodePointsNotUtf16Units()
    {
        Assert.Equal(3, CreditEstimator.CountCharacters("a😀b"));
    }

    [Fact]
    public void EstimateCredits_LocalProvider_IsFree()
    {
        Assert.Equal(0, Estimator.EstimateCredits(new SpeechRequest("hello", "v") { Provider = "local" }));
    }
}
