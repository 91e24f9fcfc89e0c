// Builds the system described by testreplycapprotection.camkes and runs it until every control thread returns.
return TestReplyCapProtection.TestReplyCapProtectionSystem.Run();
