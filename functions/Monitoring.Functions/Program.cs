using Monitoring.Functions.Hosting;

return await MonitoringProgram.RunAsync(args);
