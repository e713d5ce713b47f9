using System.Numerics;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>ITU-T G.711 companding of 16-bit linear samples (the classic Sun reference algorithm).</summary>
internal static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    public static byte ToMuLaw(short sample)
    {
        int value = sample;
        var sign = value < 0 ? 0x80 : 0;
        if (sign != 0)
        {
            value = -value;
        }

        value = Math.Min(value, MuLawClip) + MuLawBias;
        var exponent = 31 - BitOperations.LeadingZeroCount((uint)(value >> 7));
        var mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static byte ToALaw(short sample)
    {
        var value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        // Segment: the number of bits above the 5-bit floor, 0..7; 8 means clipped.
        var segment = value <= 0x1F ? 0 : 32 - BitOperations.LeadingZeroCount((uint)value) - 5;
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var mantissa = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(((segment << 4) | mantissa) ^ mask);
    }
}
