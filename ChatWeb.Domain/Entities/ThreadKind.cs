namespace ChatWeb.Domain.Entities;

public enum ThreadKind
{
    Direct = 0,
    Group = 1,
}
