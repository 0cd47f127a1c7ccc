namespace ChatWeb.Realtime;

public interface ICurrentUserAccessor
{
    /// <summary>The signed-in user; throws when the circuit has none (chat pages require sign-in).</summary>
    Task<CurrentUser> GetAsync();
}
