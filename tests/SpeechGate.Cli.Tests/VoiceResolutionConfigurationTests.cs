using Microsoft.Extensions.Configuration;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Tests;

public class VoiceResolutionConfigurationTests
{
    [Fact]
    public void Bind_ModeVariableAndVoicesSection_AreRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MODE"] = "dev",
            ["Voices:File"] = "/srv/app/voices.yaml",
        }).Build();
        var options = new VoiceResolutionOptions();

        VoiceResolutionConfiguration.Bind(configuration, options);

        Assert.True(options.IsDevMode);
        Assert.Equal("/srv/app/voices.yaml", options.CatalogPath);
        Assert.Equal("/srv/app/voices.lock", options.LockPath);
        Assert.NotNull(options.RecentVoicesFile);
    }
}
