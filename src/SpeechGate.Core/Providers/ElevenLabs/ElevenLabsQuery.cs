using System.Globalization;
using System.Text;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Builds a path with a query string, skipping unset values; booleans go as <c>true</c>/<c>false</c>.</summary>
internal sealed class ElevenLabsQuery(string path)
{
    private readonly StringBuilder _text = new(path);
    private char _separator = '?';

    public ElevenLabsQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _text.Append(_separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            _separator = '&';
        }

        return this;
    }

    public ElevenLabsQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public ElevenLabsQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public override string ToString() => _text.ToString();
}
