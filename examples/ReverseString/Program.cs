// Builds the system described by reversestring.camkes and runs it until both control threads return.
return ReverseString.ReverseStringSystem.Run();
