using System.Collections.Frozen;

namespace SpeechGate.Proofing.Rules;

/// <summary>Unit symbols and their spoken names (one, many).</summary>
internal static class Units
{
    public static FrozenDictionary<string, (string One, string Many)> Names { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["km/h"] = ("kilometer per hour", "kilometers per hour"),
        ["mph"] = ("mile per hour", "miles per hour"),
        ["kWh"] = ("kilowatt-hour", "kilowatt-hours"),
        ["km"] = ("kilometer", "kilometers"),
        ["kg"] = ("kilogram", "kilograms"),
        ["mg"] = ("milligram", "milligrams"),
        ["ml"] = ("milliliter", "milliliters"),
        ["cm"] = ("centimeter", "centimeters"),
        ["mm"] = ("millimeter", "millimeters"),
        ["m"] = ("meter", "meters"),
        ["g"] = ("gram", "grams"),
        ["l"] = ("liter", "liters"),
        ["lb"] = ("pound", "pounds"),
        ["lbs"] = ("pound", "pounds"),
        ["oz"] = ("ounce", "ounces"),
        ["ft"] = ("foot", "feet"),
        ["mi"] = ("mile", "miles"),
        ["GB"] = ("gigabyte", "gigabytes"),
        ["MB"] = ("megabyte", "megabytes"),
        ["TB"] = ("terabyte", "terabytes"),
        ["kB"] = ("kilobyte", "kilobytes"),
        ["Hz"] = ("hertz", "hertz"),
        ["kHz"] = ("kilohertz", "kilohertz"),
        ["MHz"] = ("megahertz", "megahertz"),
        ["GHz"] = ("gigahertz", "gigahertz"),
        ["°C"] = ("degree Celsius", "degrees Celsius"),
        ["°F"] = ("degree Fahrenheit", "degrees Fahrenheit"),
        ["W"] = ("watt", "watts"),
        ["kW"] = ("kilowatt", "kilowatts"),
        ["V"] = ("volt", "volts"),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
