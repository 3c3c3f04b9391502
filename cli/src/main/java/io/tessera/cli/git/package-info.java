/** The Git commit that descriptor files come from (JGit), and their uncommitted changes. */
package io.tessera.cli.git;
