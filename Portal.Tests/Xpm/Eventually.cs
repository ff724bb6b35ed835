namespace Portal.Xpm;

/// <summary>Waits for a condition other threads make true, with a generous ceiling instead of a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var met = await Task.Run(() => SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(30)));
        met.ShouldBeTrue($"timed out waiting until {what}");
    }
}
