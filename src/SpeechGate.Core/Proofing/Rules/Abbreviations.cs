using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpeechGate.Proofing.Rules;

/// <summary>Abbreviations voices misread, with what to write instead (several meanings: the choice is the writer's).</summary>
internal static class Abbreviations
{
    public static FrozenDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Dr."] = ["Doctor", "Drive"],
        ["St."] = ["Saint", "Street"],
        ["Mr."] = ["Mister"],
        ["Mrs."] = ["Missus"],
        ["Ms."] = ["Miz"],
        ["Prof."] = ["Professor"],
        ["Jr."] = ["Junior"],
        ["Sr."] = ["Senior"],
        ["Ave."] = ["Avenue"],
        ["Blvd."] = ["Boulevard"],
        ["Rd."] = ["Road"],
        ["Mt."] = ["Mount"],
        ["Ft."] = ["Fort", "feet"],
        ["Gen."] = ["General"],
        ["Capt."] = ["Captain"],
        ["Lt."] = ["Lieutenant"],
        ["Sgt."] = ["Sergeant"],
        ["Gov."] = ["Governor"],
        ["Rev."] = ["Reverend"],
        ["Inc."] = ["Incorporated"],
        ["Ltd."] = ["Limited"],
        ["Co."] = ["Company"],
        ["Corp."] = ["Corporation"],
        ["Dept."] = ["Department"],
        ["Univ."] = ["University"],
        ["approx."] = ["approximately"],
        ["vs."] = ["versus"],
        ["etc."] = ["et cetera"],
        ["e.g."] = ["for example"],
        ["i.e."] = ["that is"],
        ["No."] = ["Number"],
        ["Jan."] = ["January"],
        ["Feb."] = ["February"],
        ["Mar."] = ["March"],
        ["Apr."] = ["April"],
        ["Aug."] = ["August"],
        ["Sept."] = ["September"],
        ["Oct."] = ["October"],
        ["Nov."] = ["November"],
        ["Dec."] = ["December"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Any of <see cref="All"/>, as a word of its own followed by a blank, punctuation or the end.</summary>
    public static Regex Pattern { get; } = new(
        @"(?<![\w.])(?:" + string.Join('|', All.Keys.OrderByDescending(key => key.Length).Select(Regex.Escape)) + @")(?=\s|$|[,;:])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
