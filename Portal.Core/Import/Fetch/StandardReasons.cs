using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// Stores the matcher's two standard reasons as a short code and reads them back as their text. They are the reason of
/// almost every staged client and import outcome row (a first import: "No portal client with this XPM link, …", 118
/// characters, on every row; a re-import: "Already linked to this XPM client"), a fifth of a staged row's bytes: 2.3 MB
/// of a 20,000-client fetch's staging, and as much again in the import's outcome rows. Every other reason is stored as
/// it is, and a row stored before this (the whole text) reads back unchanged. Queries compare through the converter too,
/// so <c>MatchReason != ClientMatcher.LinkedReason</c> still means what it says.
/// </summary>
internal static class StandardReasons
{
    // No reason the portal writes starts with "~": each is a sentence.
    private const string NoMatchCode = "~no-match";
    private const string LinkedCode = "~linked";

    // Nulls never reach a converter (EF stores them as null); the type says nullable to fit the nullable columns.
    public static readonly ValueConverter<string?, string?> Converter = new(
        text => text == ClientMatcher.NoMatchReason ? NoMatchCode : text == ClientMatcher.LinkedReason ? LinkedCode : text,
        stored => stored == NoMatchCode ? ClientMatcher.NoMatchReason : stored == LinkedCode ? ClientMatcher.LinkedReason : stored);
}
