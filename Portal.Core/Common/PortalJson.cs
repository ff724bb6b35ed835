using System.Text.Json.Serialization;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;

namespace Portal.Core.Common;

/// <summary>
/// System.Text.Json's source-generated serializers for the JSON an import writes for every record (a link's last-synced
/// values, a record's before-image, a conflict's XPM values). The reflection-based serializer builds its accessors at
/// run time, which a first import after start-up paid for in compilation, and read and wrote each value more slowly
/// (profiled: docs/benchmarks.md). A null value is left out (and read back as null), as is <see cref="Clients.Address.IsEmpty"/>:
/// JSON written before, with every null spelled out, reads the same.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncBase.Stored))]
[JsonSerializable(typeof(RecordBefore))]
[JsonSerializable(typeof(PortalClientValues))]
internal sealed partial class PortalJson : JsonSerializerContext;
