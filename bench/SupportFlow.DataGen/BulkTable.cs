using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SupportFlow.DataGen;

/// <summary>
/// Writes entities of one type as rows, taking the columns, the value converters (enums as text,
/// UTC ticks on SQLite, SLA targets) and owned types from the EF Core model, so the rows are
/// exactly what the server itself would have stored. Rows are buffered and written at each
/// <see cref="FlushAsync"/>: SQLite through a reused prepared INSERT, PostgreSQL through binary
/// COPY (a round trip per row would take hours for 20 million rows).
/// </summary>
public sealed class BulkTable
{
    private readonly List<(string Column, string StoreType, Func<object, object?> Value)> _columns = [];
    private readonly List<object?[]> _pending = [];
    private readonly DbConnection _connection;
    private DbCommand? _insert;

    public BulkTable(DbContext db, DbConnection connection, Type clrType)
    {
        _connection = connection;
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType} is not mapped.");
        foreach (var property in type.GetProperties())
        {
            _columns.Add((property.GetColumnName(), StoreType(property), Reader(property, e => e)));
        }

        foreach (var owned in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var getOwner = owned.GetGetter();
            foreach (var property in owned.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                _columns.Add((property.GetColumnName(), StoreType(property), Reader(property, e => getOwner.GetClrValue(e)!)));
            }
        }

        Table = type.GetTableName()!;
    }

    public string Table { get; }

    public long Rows { get; private set; }

    /// <summary>Reads the row now: the entity may change before the flush.</summary>
    public void Add(object entity)
    {
        var row = new object?[_columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = _columns[i].Value(entity);
        }

        _pending.Add(row);
        Rows++;
    }

    public async Task FlushAsync(DbTransaction transaction)
    {
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        if (_connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY \"{Table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in _pending)
            {
                await copy.StartRowAsync();
                for (var i = 0; i < row.Length; i++)
                {
                    await (row[i] is { } value ? copy.WriteAsync(value, _columns[i].StoreType) : copy.WriteNullAsync());
                }
            }

            await copy.CompleteAsync();
        }
        else
        {
            _insert ??= Prepare(columns);
            _insert.Transaction = transaction;
            foreach (var row in _pending)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    _insert.Parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await _insert.ExecuteNonQueryAsync();
            }
        }

        _pending.Clear();
    }

    private DbCommand Prepare(string columns)
    {
        var insert = _connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{Table}\" ({columns}) VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < _columns.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i;
            insert.Parameters.Add(parameter);
        }

        return insert;
    }

    /// <summary>The column's type without its length ("character varying(200)" is written as "character varying").</summary>
    private static string StoreType(IProperty property) => property.GetRelationalTypeMapping().StoreType.Split('(')[0];

    private static Func<object, object?> Reader(IProperty property, Func<object, object> owner)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return converter is null
            ? e => getter.GetClrValue(owner(e))
            : e => getter.GetClrValue(owner(e)) is { } value ? converter.ConvertToProvider(value) : null;
    }

    /// <summary>Sets a property with a private setter (ids and foreign keys the database would have filled in).</summary>
    public static void Set<T>(object entity, string name, T value) =>
        Setters.GetOrAdd((entity.GetType(), name), key =>
                key.Type.GetProperty(key.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{key.Type.Name}.{key.Name} does not exist."))
            .SetValue(entity, value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, string Name), PropertyInfo> Setters = new();
}
