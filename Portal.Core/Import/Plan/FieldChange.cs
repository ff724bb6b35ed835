namespace Portal.Core.Import.Plan;

/// <summary>
/// One field the import will set, as display text: an address on one line, a date as yyyy-MM-dd.
/// <see cref="Before"/> is null when the portal has no value (always, for a create). The applier writes the typed
/// value from the <see cref="XpmClientSnapshot"/> for each listed field, so the text here is for people.
/// </summary>
public sealed record FieldChange(ImportField Field, string? Before, string? After);
