namespace ChatWeb.Domain.Administration;

/// <summary>The Identity role of the people who may administer others.</summary>
public static class AdminRole
{
    public const string Name = "Admin";

    /// <summary>Fixed, so the seeded row is the same in every database and migration.</summary>
    public const string Id = "b6f0c1de-2a37-4c7e-8f51-9a3e0d1c4b27";
}
