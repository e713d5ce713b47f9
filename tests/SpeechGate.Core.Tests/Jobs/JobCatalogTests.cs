using Microsoft.Extensions.Configuration;
using SpeechGate.Jobs;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Jobs;

public sealed class JobCatalogTests
{
    [Fact]
    public void JobsYaml_IsReadWithPathsRelativeToTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-jobs-yaml-").FullName;
        var file = Path.Combine(directory, "jobs.yaml");
        File.WriteAllText(file, """
            jobs:
              episodes:
                watch: inbox/*.yaml
                debounce: "00:00:05"
                project: podcast
                deliver:
                  - type: folder
                    path: out
                  - type: s3
                    bucket: voiceovers
                    path_style: false
              promo:
                script: promo.yaml
                schedule: "0 9 * * MON-FRI"
                time_zone: Europe/Paris
                catch_up: all
                allow_partial: true
            """);

        var jobs = JobCatalog.ReadFile(file).ToDictionary(job => job.Name);

        Assert.Equal(Path.Combine(directory, "inbox", "*.yaml"), jobs["episodes"].Watch);
        Assert.Equal(TimeSpan.FromSeconds(5), jobs["episodes"].Debounce);
        Assert.Equal("podcast", jobs["episodes"].EffectiveProject);
        Assert.Equal(Path.Combine(directory, "out"), jobs["episodes"].Deliver[0].Path);
        Assert.False(jobs["episodes"].Deliver[1].PathStyle);
        Assert.Equal(Path.Combine(directory, "promo.yaml"), jobs["promo"].Script);
        Assert.Equal("Europe/Paris", jobs["promo"].TimeZone);
        Assert.Equal(JobCatchUp.All, jobs["promo"].CatchUp);
        Assert.True(jobs["promo"].AllowPartial);
        Assert.Equal("promo", jobs["promo"].EffectiveProject);
    }

    [Fact]
    public void ConfigurationSection_IsReadByName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JobService:File"] = Path.Combine(Directory.CreateTempSubdirectory().FullName, "none.yaml"),
            ["Jobs:nightly:Script"] = "/srv/nightly.yaml",
            ["Jobs:nightly:Schedule"] = "0 3 * * *",
            ["Jobs:nightly:Deliver:0:Type"] = "webhook",
            ["Jobs:nightly:Deliver:0:Url"] = "https://example.com/hook",
            ["Jobs:nightly:Deliver:0:Secret"] = "s",
        }).Build();

        var error = Assert.Throws<SpeechException>(() => JobCatalog.Load(configuration, "/tmp"));

        // JobService:File names a file that must exist.
        Assert.Equal("invalid_configuration", error.Status);
    }

    [Theory]
    [InlineData("script: a.yaml\n    watch: in/*.yaml", "exactly one of")]
    [InlineData("script: a.yaml\n    schedule: \"every day\"", "not a cron expression")]
    [InlineData("script: a.yaml\n    deliver: [{type: ftp}]", "unknown delivery type")]
    [InlineData("script: a.yaml\n    deliver: [{type: webhook, url: \"https://x.test/h\"}]", "needs 'secret'")]
    [InlineData("script: a.yaml\n    catch_up: sometimes", "catch_up must be")]
    [InlineData("script: [a", "jobs.yaml:")]
    public void InvalidJob_IsOneClearConfigurationError(string body, string expected)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("speechgate-jobs-bad-").FullName, "jobs.yaml");
        File.WriteAllText(file, $"jobs:\n  broken:\n    {body}\n");

        var error = Assert.Throws<SpeechException>(() => JobCatalog.ReadFile(file));

        Assert.Equal("invalid_configuration", error.Status);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
