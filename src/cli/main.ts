import { Command } from 'commander';
import { registerAdminCommands } from './admin.command';
import { registerPackageCommands } from './package.commands';
import { registerSecretsCommands } from './secrets.command';
import { registerAnalyticsCommands } from './analytics.command';

/** `plaza`: administration of a Plaza installation (more commands join as modules land). */
export function buildProgram(): Command {
  const program = new Command('plaza').description('Plaza marketplace command line').showHelpAfterError();
  registerAdminCommands(program);
  registerPackageCommands(program);
  registerSecretsCommands(program);
  registerAnalyticsCommands(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch(error => {
    console.error(`plaza: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
