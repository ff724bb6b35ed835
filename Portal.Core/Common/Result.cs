namespace Portal.Core.Common;

/// <summary>An expected failure: something the user can act on, never a bug.</summary>
public abstract record Error(string Message);

/// <summary>The outcome of an operation that can fail in an expected way.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public Error? Error { get; }
    public bool Succeeded => Error is null;

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
