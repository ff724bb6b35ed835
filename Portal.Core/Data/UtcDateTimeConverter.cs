using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Core.Data;

/// <summary>Treats a stored DateTime as UTC whatever its Kind (see <see cref="PortalDbContext"/>'s conventions).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
