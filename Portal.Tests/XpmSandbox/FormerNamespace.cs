// The emulator moved from Portal.Web.Sandbox to the Portal.XpmSandbox project. Test files still written against the
// old namespace (`using Portal.Web.Sandbox;`) keep compiling through this empty declaration and the project-wide
// `using Portal.XpmSandbox`; delete this file once no test names the old namespace.
namespace Portal.Web.Sandbox;
