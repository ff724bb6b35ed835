using MudBlazor.Services;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.LinkedClients;
using Portal.Core.Common;
using Portal.Core.Import;
using Portal.Core.Data;
using Portal.Core.Email;
using Portal.Core.Identity;
using Portal.Core.Practices;
using Portal.Core.Staff;
using Portal.Core.Sync;
using Portal.Web.Audit;
using Portal.Web.Components;
using Portal.Web.Configuration;
using Portal.Web.Health;
using Portal.Web.Security;
using Portal.Web.Identity;
using Portal.Web.Xpm;
using Portal.XpmSandbox;

var builder = WebApplication.CreateBuilder(args);
builder.UsePortalSettingsFile();
var contentRoot = builder.Environment.ContentRootPath;

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPortalAddress, ServerPortalAddress>();
// Data before Data Protection: hosted services start in registration order, and the key ring (in the database on
// PostgreSQL) is loaded at start, so the migrations must have created its table first.
builder.Services.AddData(builder.Configuration.GetConnectionString("Portal"), contentRoot, builder.GetDatabaseProvider());
builder.AddPortalDataProtection();
// Seeders run in registration order: the practice first, then the demo users that belong to it.
builder.Services.AddPractices();
builder.AddPortalIdentity();
builder.AddPortalSecurity();
builder.Services.AddClients();
builder.Services.AddLinkedClients();
builder.Services.AddAudit();
builder.Services.AddStaff();
builder.Services.AddEmail(contentRoot);
builder.Services.AddPortalHealth();
builder.AddPortalXpm();
builder.Services.AddImport();
builder.Services.AddSync();
// The built-in XPM emulator: on in Development without Xpm:ApiBaseUrl, or with XpmSandbox:Enabled=true.
builder.AddXpmSandbox(staffPolicy: PortalPolicies.StaffArea);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UsePortalSecurity();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealth();
app.MapPortalIdentity();
app.MapPortalXpm();
app.MapHistoryEndpoints();
app.MapXpmSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AddModulePages(app.Services);

app.Run();
