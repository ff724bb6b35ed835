using System.Globalization;
using System.Net.Http.Headers;
using System.Xml;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm;

namespace Portal.Benchmarks;

/// <summary>The least each phase could cost on this machine: the bytes over loopback, one XML pass, raw SQLite inserts.</summary>
internal static class Floors
{
    /// <summary>(a) <c>client.api/list?detailed=true</c> with a plain <see cref="HttpClient"/> and the stored access token, read to the end.</summary>
    public static async Task<byte[]> DownloadClientListAsync(BenchmarkPortal portal)
    {
        var token = await portal.Services.GetRequiredService<IXpmTokenSource>().GetAccessTokenAsync(CancellationToken.None);
        if (!token.Succeeded)
        {
            throw new InvalidOperationException($"No access token: {token.Error}");
        }

        var apiBase = portal.Services.GetRequiredService<XpmEndpoints>().ApiBase;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(apiBase, "client.api/list?detailed=true"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value!.AccessToken);
        request.Headers.TryAddWithoutValidation("Xero-Tenant-Id", token.Value!.TenantId);
        using var reply = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsByteArrayAsync();
    }

    /// <summary>(b) One forward-only <see cref="XmlReader"/> pass over the downloaded list; returns the number of <c>Client</c> elements.</summary>
    public static int ReadXml(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
        var clients = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "Client")
            {
                clients++;
            }
            else if (reader.NodeType == XmlNodeType.Text)
            {
                _ = reader.Value;
            }
        }

        return clients;
    }

    /// <summary>(c) <paramref name="rows"/> rows of 15 text columns (a clients table's shape) through one prepared insert in one transaction.</summary>
    public static async Task<int> InsertRowsAsync(string directory, int rows)
    {
        var path = Path.Combine(directory, "floor.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var columns = Enumerable.Range(1, 15).Select(i => $"c{i}").ToArray();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE clients (id INTEGER PRIMARY KEY, {string.Join(", ", columns.Select(c => c + " TEXT"))})";
            await create.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO clients ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var parameters = columns.Select(c => insert.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        insert.Prepare();
        for (var row = 0; row < rows; row++)
        {
            var n = row.ToString(CultureInfo.InvariantCulture);
            for (var column = 0; column < parameters.Length; column++)
            {
                parameters[column].Value = $"value {column} of client {n}";
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return rows;
    }
}
