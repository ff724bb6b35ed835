namespace Portal.Xpm;

/// <summary>The hand-written XPM replies in Xpm/Fixtures (see the README there for the quirk each one carries).</summary>
internal static class XpmFixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Xpm", "Fixtures", name);

    public static Stream Open(string name) => File.OpenRead(PathOf(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
