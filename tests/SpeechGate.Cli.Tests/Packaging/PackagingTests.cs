using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Packaging;

/// <summary>
/// What a .NET user does with a release: <c>dotnet pack</c> every library and the tool into a folder (no warnings),
/// <c>dotnet tool install speechgate --add-source</c> it into a tool path and run it, and build a console app that
/// references the packed Core and local-provider packages (no project references) and synthesises through
/// <c>AddSpeechGate</c>.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(10);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    // A version of its own per run: NuGet's global cache never hands back an older build under the same number.
    private readonly string _version = "0.1.0-test" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _root = ExternalCommand.RepositoryRoot();
    private readonly string _work = Directory.CreateTempSubdirectory("speechgate-pack-").FullName;

    [Fact]
    public async Task PackedTool_And_PackedLibraries_WorkOutsideTheRepository()
    {
        var packages = Path.Combine(_work, "packages");
        var projects = Directory.GetFiles(Path.Combine(_root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var project in projects)
        {
            // The binaries this test run was built from (Debug, already compiled): packing is what is under test, and a
            // second full Release build would cost minutes. The README's Release pack runs the same targets.
            var pack = await Dotnet(_root, "pack", project, "-c", Configuration, "--no-build", "--no-restore", "-o", packages, "-nologo", $"-p:PackageVersion={_version}");
            Assert.True(pack.ExitCode == 0, $"dotnet pack {Path.GetFileName(project)} failed:\n{pack.Output}");
            Assert.DoesNotContain("warning", pack.Output, StringComparison.OrdinalIgnoreCase);
        }

        AssertPackageMetadata(packages, "SpeechGate.Core", "MIT");
        AssertPackageMetadata(packages, "SpeechGate.Providers.Local", "GPL-3.0-or-later");
        AssertPackageMetadata(packages, "speechgate", "GPL-3.0-or-later");

        await AssertToolWorks(packages);
        await AssertLibraryWorks(packages);
    }

    private async Task AssertToolWorks(string packages)
    {
        var tools = Path.Combine(_work, "tools");
        var install = await Dotnet(_work, "tool", "install", "speechgate", "--tool-path", tools, "--add-source", packages, "--version", _version);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
        var speechgate = Path.Combine(tools, "speechgate");

        var environment = new Dictionary<string, string?> { ["SPEECHGATE_DATA"] = Path.Combine(_work, "tool-data") };
        var clip = Path.Combine(_work, "welcome.mp3");
        var say = await ExternalCommand.RunAsync(speechgate, _work, Slow, environment, "say", "Welcome to the show.", "-o", clip);
        Assert.True(say.ExitCode == 0, "speechgate say failed:\n" + say.Output);
        AssertMp3(clip);

        // --version prints the assembly's informational version: VersionPrefix (Directory.Build.props) + the commit.
        var version = await ExternalCommand.RunAsync(speechgate, _work, Slow, environment, "--version");
        Assert.Equal(0, version.ExitCode);
        var informational = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(informational, version.Output.Trim());

        // The commit after '+' is one of this repository's (the one the binaries were built from).
        var commit = informational[(informational.IndexOf('+', StringComparison.Ordinal) + 1)..];
        var known = await ExternalCommand.RunAsync("git", _root, Slow, null, "cat-file", "-e", commit + "^{commit}");
        var isCheckout = (await ExternalCommand.RunAsync("git", _root, Slow, null, "rev-parse", "--git-dir")).ExitCode == 0;
        Assert.True(!isCheckout || known.ExitCode == 0, $"--version names {commit}, which is not a commit of this repository: {known.Output}");

        var help = await ExternalCommand.RunAsync(speechgate, _work, Slow, environment, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("speechgate [command] [options]", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SpeechGate.Cli", help.Output, StringComparison.Ordinal);
    }

    private async Task AssertLibraryWorks(string packages)
    {
        var app = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="speechgate-packed" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpeechGate.Core" Version="{_version}" />
                <PackageReference Include="SpeechGate.Providers.Local" Version="{_version}" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.Logging" Version="10.0.14" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using SpeechGate.Providers.Local;
            using SpeechGate.Synthesis;

            var configuration = new ConfigurationBuilder().Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddLocalSpeechProvider();
            services.AddSpeechGate(configuration, args[0], LocalVoices.DefaultVoiceId);
            await using var provider = services.BuildServiceProvider();

            var speech = provider.GetRequiredService<ISpeechSynthesizer>();
            await using (var audio = await speech.SynthesizeAsync(new SpeechRequest("Welcome to the show.", LocalVoices.DefaultVoiceId)))
            await using (var file = File.Create(args[1]))
            {
                await audio.CopyToAsync(file);
            }

            Console.WriteLine($"wrote {new FileInfo(args[1]).Length} bytes");
            """);

        var clip = Path.Combine(_work, "consumer.mp3");
        var run = await Dotnet(app, "run", "--", Path.Combine(_work, "consumer-data"), clip);
        Assert.True(run.ExitCode == 0, "the consumer app failed:\n" + run.Output);
        AssertMp3(clip);

        // The consumer really used the packages: the restore resolved SpeechGate.Core at the packed version.
        var assets = await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"));
        Assert.Contains($"\"SpeechGate.Core/{_version}\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }

    private static void AssertPackageMetadata(string packages, string id, string licence)
    {
        var path = Directory.GetFiles(packages, id + ".*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal)
            && Path.GetFileName(p)[(id.Length + 1)..].StartsWith("0.", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(licence, Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        Assert.Contains(zip.Entries, e => e.FullName == "THIRD-PARTY-NOTICES.md");
        if (id != "speechgate")
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith($"{id}.xml", StringComparison.Ordinal));
        }
    }

    private static void AssertMp3(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2_000, $"{path} holds only {bytes.Length} bytes");
        var id3 = bytes[0] == (byte)'I' && bytes[1] == (byte)'D' && bytes[2] == (byte)'3';
        var frameSync = bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0;
        Assert.True(id3 || frameSync, $"{path} is not MP3");
    }

    private static Task<(int ExitCode, string Output)> Dotnet(string workingDirectory, params string[] arguments)
        => ExternalCommand.RunAsync("dotnet", workingDirectory, Slow, new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }

        // Drop this run's packages from NuGet's global cache (they are unique to the run).
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "speechgate", "speechgate.core", "speechgate.providers.local", "speechgate.storage.postgres" })
        {
            var directory = Path.Combine(cache, id, _version);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
