using Portal.Core.Common;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// Xero Practice Manager 3.1 for one tenant at a time (the token source decides which). Every call returns a
/// <see cref="Result{T}"/> whose error is one of the records in XpmErrors.cs, or the token source's own error.
/// </summary>
/// <remarks>
/// List calls return an <see cref="XpmStream{T}"/> as soon as XPM's reply has started and its <c>&lt;Status&gt;</c> is
/// OK; items are parsed while the body downloads. A reply that breaks after that point throws
/// <see cref="XpmException"/> from the <c>await foreach</c>. Rate limits, 429s and transient failures are handled
/// inside; cancellation throws <see cref="OperationCanceledException"/> as usual.
/// </remarks>
public interface IXpmClient
{
    /// <summary><c>GET staff.api/list</c>.</summary>
    Task<Result<XpmStream<XpmStaff>>> GetStaffAsync(CancellationToken cancellationToken);

    /// <summary><c>GET staff.api/get/{uuid}</c>.</summary>
    Task<Result<XpmStaff>> GetStaffMemberAsync(Guid uuid, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET client.api/list</c>: every client of the practice, archived and deleted ones included. With
    /// <paramref name="modifiedSince"/> only clients changed since then (a local time is converted to UTC).
    /// </summary>
    Task<Result<XpmStream<XpmClientRecord>>> GetClientsAsync(bool detailed = true, DateTime? modifiedSince = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET client.api/get/{uuid}</c>.</summary>
    Task<Result<XpmClientRecord>> GetClientAsync(Guid uuid, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET client.api/contacts?pageSize=500[&amp;pageToken=…]</c>: one page of the practice's non-deleted contacts.
    /// Contact edits do not change a client's modified time, so a delta import reads these to notice them.
    /// </summary>
    Task<Result<XpmContactPage>> GetContactsPageAsync(string? pageToken, CancellationToken cancellationToken);

    /// <summary><c>GET clientgroup.api/list</c>: groups without their members.</summary>
    Task<Result<XpmStream<XpmGroup>>> GetClientGroupsAsync(CancellationToken cancellationToken);

    /// <summary><c>GET clientgroup.api/get/{uuid}</c>: one group with its members.</summary>
    Task<Result<XpmGroup>> GetClientGroupAsync(Guid uuid, CancellationToken cancellationToken);

    /// <summary><c>PUT client.api/update</c>; returns the whole client as XPM now has it.</summary>
    Task<Result<XpmClientRecord>> UpdateClientAsync(XpmClientUpdate client, CancellationToken cancellationToken);

    /// <summary><c>POST client.api/add</c>; returns the new client. Never retried on a 5xx: it might have been created.</summary>
    Task<Result<XpmClientRecord>> AddClientAsync(XpmNewClient client, CancellationToken cancellationToken);

    /// <summary><c>PUT client.api/contact/{uuid}</c>; returns the contact.</summary>
    Task<Result<XpmContact>> UpdateContactAsync(Guid contactUuid, XpmContactUpdate contact, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST client.api/contact</c> for the client in <see cref="XpmContactUpdate.ClientUuid"/>; returns the new contact.
    /// Never retried on a 5xx.
    /// </summary>
    Task<Result<XpmContact>> AddContactAsync(XpmContactUpdate contact, CancellationToken cancellationToken);
}
