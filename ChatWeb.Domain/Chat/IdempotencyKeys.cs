using System.Linq.Expressions;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Finds a batch's earlier messages by exact (sender, client message id) pairs. Two IN lists
/// (senders × ids) would probe the unique index for every combination, quadratic in the batch;
/// an OR of pairs probes it once per send, on SQLite and SQL Server alike.
/// </summary>
internal static class IdempotencyKeys
{
    public static Expression<Func<Message, bool>> AnyOf(IReadOnlyList<(string SenderId, string ClientMessageId)> keys)
    {
        // Padded to a power of two by repeating the last pair: EF compiles one query per shape,
        // so batches of 1..256 sends share nine shapes instead of making 256.
        var count = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys.Count);
        var message = Expression.Parameter(typeof(Message), "m");
        Expression? any = null;
        for (var i = 0; i < count; i++)
        {
            var key = keys[Math.Min(i, keys.Count - 1)];
            var match = Pair(key.SenderId, key.ClientMessageId);
            var body = new Rebind(match.Parameters[0], message).Visit(match.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return Expression.Lambda<Func<Message, bool>>(any!, message);
    }

    // A lambda per pair captures its values in a closure, which EF sends as parameters, not literals.
    private static Expression<Func<Message, bool>> Pair(string senderId, string clientMessageId) =>
        m => m.SenderId == senderId && m.ClientMessageId == clientMessageId;

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
