using System.Globalization;

namespace SpeechGate.Server.Json;

/// <summary>Turns a System.Text.Json path (<c>$.voice_settings.stability</c>, <c>$.ids[2]</c>) into a FastAPI <c>loc</c>.</summary>
internal static class JsonPathLocation
{
    public static List<object> Parse(string path)
    {
        List<object> loc = ["body"];
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                loc.Add(name.Trim('\'', '[', ']'));
            }

            while (bracket >= 0)
            {
                var end = segment.IndexOf(']', bracket);
                if (end < 0)
                {
                    break;
                }

                var inner = segment[(bracket + 1)..end];
                loc.Add(int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : inner.Trim('\''));
                bracket = segment.IndexOf('[', end);
            }
        }

        return loc;
    }
}
