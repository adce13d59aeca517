using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SupportFlow.Data;

/// <summary>
/// Lets this process's SQLite transactions take the database's single write lock in turn. Every
/// transaction here begins <c>IMMEDIATE</c> (it takes the lock at once); without the gate, the
/// writers that find it taken sleep in SQLite's busy handler in steps growing to 100 ms, so under
/// load the lock often sits free while its next owner sleeps: 8 or 32 concurrent intakes were
/// slower than 1 and their p99 was seconds. Here they queue on a semaphore per database file and
/// the next one starts the moment the previous commits. Other processes (the CLI, a second node)
/// still meet the busy handler, as before.
/// </summary>
/// <remarks>
/// The gate is released when the transaction commits, rolls back or fails, and at the latest when
/// its connection closes (a transaction disposed without either, as EF Core's own on an
/// exception). A connection never waits for a gate it already holds.
/// </remarks>
internal sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as SQLite's own busy timeout (<see cref="DatabaseProviders"/>): then the writer gives up the same way.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, Hold> _byConnection = [];
    private readonly ConditionalWeakTable<DbTransaction, Hold> _byTransaction = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (GateToTake(connection) is { } gate)
        {
            Held(connection, gate, gate.Wait(MaxWait));
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateToTake(connection) is { } gate)
        {
            Held(connection, gate, await gate.WaitAsync(MaxWait, cancellationToken));
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A committed SqliteTransaction forgets its connection: the end events find the hold by transaction.
        if (_byConnection.TryGetValue(connection, out var hold))
        {
            _byTransaction.AddOrUpdate(result, hold);
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => Release(transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => Release(transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default) => Release(transaction);

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>The gate of this connection's database file; null when the connection holds it already.</summary>
    private SemaphoreSlim? GateToTake(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var hold) && !hold.IsReleased)
        {
            return null;
        }

        var file = connection is SqliteConnection sqlite ? sqlite.DataSource : connection.DataSource;
        return _gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
    }

    private void Held(DbConnection connection, SemaphoreSlim gate, bool entered)
    {
        if (!entered)
        {
            throw new TimeoutException($"The database stayed busy for {MaxWait.TotalSeconds:0} s: another write held it all that time.");
        }

        _byConnection.AddOrUpdate(connection, new Hold(gate));
    }

    private Task Release(DbTransaction? transaction)
    {
        if (transaction is not null && _byTransaction.TryGetValue(transaction, out var hold))
        {
            hold.Release();
        }

        return Task.CompletedTask;
    }

    private void Release(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var hold))
        {
            hold.Release();
        }
    }

    /// <summary>One transaction's turn: released once, by whichever end event comes first.</summary>
    private sealed class Hold(SemaphoreSlim gate)
    {
        private int _released;

        public bool IsReleased => Volatile.Read(ref _released) == 1;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
