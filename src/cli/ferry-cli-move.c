/* ferry-cli-move.c: ferry-cli check, alias, move, watch and move-back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ferry-cli-private.h"
#include "ferry-cli-output.h"
#include "ferry-move.h"
#include "ferry-move-stage-job.h"

static char *backup;
static gboolean skip_transfer;
static gboolean once;
static gboolean confirm;
static gboolean back;
static char *export_path;
static int interval_minutes = 30;

static const GOptionEntry common_entries[] = {
  { "backup", 'b', 0, G_OPTION_ARG_FILENAME, &backup, N_("The backup folder of the old account"),
    N_("DIR") },
  { "skip-transfer", 0, 0, G_OPTION_ARG_NONE, &skip_transfer,
    N_("Go ahead without a transfer, knowingly"), NULL },
  { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the CA certificates in FILE"),
    N_("FILE") },
  { NULL }
};

static const char *
level_mark (FerryMoveLevel level)
{
  switch (level)
    {
    case FERRY_MOVE_LEVEL_OK:
      return "✓";
    case FERRY_MOVE_LEVEL_INFO:
      return "i";
    case FERRY_MOVE_LEVEL_WARNING:
      return "!";
    case FERRY_MOVE_LEVEL_BLOCKER:
    default:
      return "✗";
    }
}

static gboolean
parse (int           *argc,
       char        ***argv,
       const char    *summary,
       const GOptionEntry *extra)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      ferry_cli_fail (g_steal_pointer (&error));
      return FALSE;
    }
  return TRUE;
}

/* Both accounts signed in (the one that moved may be refused now: it is read in public). */
static FerryMove *
open_move (FerryMoveDirection   direction,
           GError             **error)
{
  g_autoptr(FerryAccountManager) manager = ferry_cli_refreshed_account_manager (error);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;
  FerryClient *old_client;
  FerryClient *new_client;
  FerryMove *move;

  if (manager == NULL)
    return NULL;
  old_client = ferry_account_manager_get_client (manager, FERRY_ROLE_OLD);
  new_client = ferry_account_manager_get_client (manager, FERRY_ROLE_NEW);
  if (old_client == NULL || new_client == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("a move needs both accounts signed in: ferry-cli login SERVER --role old, "
                     "and --role new"));
      return NULL;
    }
  move = ferry_move_new (old_client, ferry_account_manager_get_handle (manager, FERRY_ROLE_OLD),
                         new_client, ferry_account_manager_get_handle (manager, FERRY_ROLE_NEW),
                         direction);
  if (backup == NULL)
    {
      settings = ferry_cli_settings ();
      last = g_settings_get_string (settings, "backup-last");
      if (last[0] != '\0')
        backup = g_steal_pointer (&last);
    }
  ferry_move_set_backup (move, backup);
  ferry_move_set_transfer_skipped (move, skip_transfer);
  if (g_getenv ("FERRY_MOVE_POLL_MS") != NULL)
    ferry_move_set_poll_interval (move, (guint) g_ascii_strtoull (g_getenv ("FERRY_MOVE_POLL_MS"),
                                                                  NULL, 10));
  if (g_getenv ("FERRY_MOVE_WAIT_MS") != NULL)
    ferry_move_set_wait_limit (move, (guint) g_ascii_strtoull (g_getenv ("FERRY_MOVE_WAIT_MS"),
                                                               NULL, 10));
  return move;
}

static gboolean
refresh (FerryMove  *move,
         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_move_refresh_async (move, NULL, ferry_cli_got_result, &result);
  return ferry_move_refresh_finish (move, ferry_cli_wait_for (&result), error);
}

static void
print_checks (FerryMove *move)
{
  GPtrArray *checks = ferry_move_get_checks (move);

  for (guint i = 0; i < checks->len; i++)
    {
      FerryMoveCheck *check = g_ptr_array_index (checks, i);

      g_print ("%s %s: %s\n", level_mark (check->level), ferry_cli_safe (check->title),
               ferry_cli_safe (check->detail));
      if (check->fix == FERRY_MOVE_FIX_SKIP_TRANSFER)
        g_print (_("    To go ahead without it: --skip-transfer\n"));
      else if (check->fix == FERRY_MOVE_FIX_UNLOCK)
        g_print (_("    Ferry unlocks it with: ferry-cli check --unlock\n"));
    }
}

static void
print_forecast (FerryMove *move)
{
  GPtrArray *forecast = ferry_move_get_forecast (move);
  guint follow, maybe, stay;

  ferry_move_get_forecast_totals (move, &follow, &maybe, &stay);
  g_print (_("\nFollowers, by what their servers will do with the move:\n"));
  for (guint i = 0; i < forecast->len; i++)
    {
      FerryMoveServer *server = g_ptr_array_index (forecast, i);

      g_print ("  %5u  %s (%s): %s\n", server->followers, ferry_cli_safe (server->host),
               server->software ? ferry_cli_safe (server->software) : "?",
               ferry_move_fate_text (server->fate));
    }
  g_print (_("Will follow: %u; if they allowed it: %u; left behind: %u\n"), follow, maybe, stay);
}

int
ferry_cli_command_check (int    argc,
                         char **argv)
{
  gboolean unlock = FALSE;
  const GOptionEntry entries[] = {
    { "unlock", 0, 0, G_OPTION_ARG_NONE, &unlock,
      N_("Unlock the new account, so that moved followers do not turn into requests"), NULL },
    { "export-forecast", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the forecast to FILE as CSV"), N_("FILE") },
    { NULL }
  };
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse (&argc, &argv, _("— check everything a move needs"), entries))
    return 2;
  if ((move = open_move (FERRY_MOVE_FORWARD, &error)) == NULL || !refresh (move, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  if (unlock)
    {
      g_autoptr(GAsyncResult) result = NULL;

      ferry_move_unlock_async (move, NULL, ferry_cli_got_result, &result);
      if (!ferry_move_unlock_finish (move, ferry_cli_wait_for (&result), &error))
        return ferry_cli_fail (g_steal_pointer (&error));
    }
  print_checks (move);
  print_forecast (move);
  if (export_path != NULL && !ferry_move_export_forecast (move, export_path, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  return ferry_move_checks_passed (move) ? 0 : 3;
}

/* The password, from the terminal without echo, or the first line of standard input. */
static char *
read_password (const char *acct)
{
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO);
  char line[1024];
  char *password = NULL;

  if (terminal)
    {
      g_print (_("Password of %s (sent once to its server, never kept): "), ferry_cli_safe (acct));
      fflush (stdout);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  if (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      password = g_strdup (line);
    }
  memset (line, 0, sizeof line);
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      g_print ("\n");
    }
  return password;
}

typedef struct
{
  FerryMoveStage  stage;
  char           *said;
} Progress;

/* While a step waits, what it waits for is said, each time it changes: the status of the
 * step's job. */
static void
progress_cb (FerryJob   *job,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Progress *progress = user_data;
  const char *detail = ferry_job_get_status (job);

  if (!ferry_job_is_active (job) || detail == NULL || detail[0] == '\0' ||
      g_strcmp0 (detail, progress->said) == 0 || g_str_equal (detail, _("Sending…")))
    return;
  g_free (progress->said);
  progress->said = g_strdup (detail);
  g_print ("… %s\n", detail);
  fflush (stdout);
}

/* One step: through the API, or the web page named, opened, and watched until it shows. */
static int
run_stage (FerryMove      *move,
           FerryMoveStage  stage)
{
  g_autoptr(FerryMoveHandoff) handoff = ferry_move_get_handoff (move, stage);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autoptr(FerryMoveStageJob) job = NULL;
  Progress progress = { stage, NULL };
  gulong changed;
  guint sigint;
  gboolean ok;

  switch (ferry_move_get_status (move, stage))
    {
    case FERRY_MOVE_STATUS_DONE:
      g_print ("✓ %s: %s\n", ferry_move_stage_title (stage),
               ferry_cli_safe (ferry_move_get_detail (move, stage)));
      return 0;
    case FERRY_MOVE_STATUS_PENDING:
    case FERRY_MOVE_STATUS_FAILED:
      g_printerr (_("ferry-cli: not yet: %s (ferry-cli check says why)\n"),
                  ferry_cli_safe (ferry_move_get_detail (move, stage)));
      return 3;
    case FERRY_MOVE_STATUS_READY:
    case FERRY_MOVE_STATUS_WAITING:
    case FERRY_MOVE_STATUS_UNSURE:
    case FERRY_MOVE_STATUS_WARNING:
    default:
      break;
    }
  if (stage == FERRY_MOVE_STAGE_ALIAS && confirm)
    {
      ferry_move_confirm_alias (move);
      g_print ("✓ %s\n", ferry_cli_safe (ferry_move_get_detail (move, stage)));
      return 0;
    }
  if (handoff != NULL)
    {
      g_print (_("This step is a web page on the server: %s\n%s\n"), ferry_cli_safe (handoff->url),
               ferry_cli_safe_lines (handoff->instruction));
      g_print (
        _("Ferry watches for it to be done, for a while (Ctrl+C to stop waiting sooner)…\n"));
      fflush (stdout);
      if (g_getenv ("FERRY_NO_BROWSER") == NULL)
        g_app_info_launch_default_for_uri (handoff->url, NULL, NULL);
    }
  else if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_needs_password (move))
    {
      password = read_password (ferry_move_get_origin_handle (move));
      if (password == NULL || password[0] == '\0')
        {
          g_printerr (_("ferry-cli: the move needs the password of %s\n"),
                      ferry_cli_safe (ferry_move_get_origin_handle (move)));
          return 2;
        }
    }

  sigint = g_unix_signal_add (SIGINT, ferry_cli_interrupted, cancellable);
  job = ferry_move_stage_job_new (move, stage, password);
  if (password != NULL)
    memset (password, 0, strlen (password));   /* the job wipes its own once sent */
  changed = g_signal_connect (job, "notify::status", G_CALLBACK (progress_cb), &progress);
  ferry_job_run_async (FERRY_JOB (job), cancellable, ferry_cli_got_result, &result);
  ok = ferry_job_run_finish (FERRY_JOB (job), ferry_cli_wait_for (&result), &error);
  g_signal_handler_disconnect (job, changed);
  g_free (progress.said);
  g_source_remove (sigint);
  if (!ok)
    return ferry_cli_fail (g_steal_pointer (&error));
  if (ferry_move_get_status (move, stage) == FERRY_MOVE_STATUS_UNSURE)
    {
      g_print ("? %s\n", ferry_cli_safe (ferry_move_get_detail (move, stage)));
      g_print (_("Once it is done: ferry-cli alias --confirm\n"));
      return 3;
    }
  g_print ("✓ %s: %s\n", ferry_move_stage_title (stage),
           ferry_cli_safe (ferry_move_get_detail (move, stage)));
  return 0;
}

static int
command_stage (int                 argc,
               char              **argv,
               FerryMoveStage      stage,
               const char         *summary,
               const GOptionEntry *extra)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse (&argc, &argv, summary, extra))
    return 2;
  if ((move = open_move (FERRY_MOVE_FORWARD, &error)) == NULL || !refresh (move, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  if (stage != FERRY_MOVE_STAGE_ALIAS && !ferry_move_checks_passed (move))
    {
      print_checks (move);
      return 3;
    }
  return run_stage (move, stage);
}

int
ferry_cli_command_alias (int    argc,
                         char **argv)
{
  const GOptionEntry entries[] = {
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirm,
      N_("The alias is made, where the server does not show it"), NULL },
    { NULL }
  };

  return command_stage (argc, argv, FERRY_MOVE_STAGE_ALIAS,
                        _("— name the old account as an alias of the new one"), entries);
}

int
ferry_cli_command_move (int    argc,
                        char **argv)
{
  return command_stage (argc, argv, FERRY_MOVE_STAGE_MOVE,
                        _("— move the old account to the new one"), NULL);
}

/* What a move back can and cannot do, by the software of the server moved back to. */
static void
print_move_back_rules (FerryMove *move)
{
  GPtrArray *checks = ferry_move_get_checks (move);

  for (guint i = 0; i < checks->len; i++)
    {
      FerryMoveCheck *check = g_ptr_array_index (checks, i);

      if (check->level >= FERRY_MOVE_LEVEL_WARNING)
        g_print ("%s %s\n", level_mark (check->level), check->detail);
    }
}

int
ferry_cli_command_move_back (int    argc,
                             char **argv)
{
  const FerryMoveStage stages[] = { FERRY_MOVE_STAGE_REDIRECT, FERRY_MOVE_STAGE_ALIAS,
                                    FERRY_MOVE_STAGE_MOVE };
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse (&argc, &argv, _("— move the new account back to the old one"), NULL))
    return 2;
  if ((move = open_move (FERRY_MOVE_BACK, &error)) == NULL || !refresh (move, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  g_print (_("A move back sends the followers who moved back to %s. Followers who stayed there "
             "are still "
             "there.\n"),
           ferry_cli_safe (ferry_move_get_target_handle (move)));
  if (!ferry_move_checks_passed (move))
    {
      print_checks (move);
      return 3;
    }
  print_move_back_rules (move);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      int status = run_stage (move, stages[i]);

      if (status != 0)
        return status;
    }
  return 0;
}

/* One sample; *left_behind: how many followers are not on the new account (if it is not NULL). */
static int
watch_once (FerryMove *move,
            guint     *left_behind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stragglers = NULL;
  GArray *samples;
  FerryMoveSample *last;
  const char *host = NULL;

  ferry_move_sample_async (move, NULL, ferry_cli_got_result, &result);
  if (!ferry_move_sample_finish (move, ferry_cli_wait_for (&result), &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  g_clear_object (&result);
  samples = ferry_move_get_samples (move);
  last = &g_array_index (samples, FerryMoveSample, samples->len - 1);
  {
    g_autofree char *old_count = g_strdup_printf ("%" G_GINT64_FORMAT, last->old_followers);
    g_autofree char *new_count = g_strdup_printf ("%" G_GINT64_FORMAT, last->new_followers);

    g_print (_("Followers: old account %s, new account %s\n"), old_count, new_count);
  }
  ferry_move_stragglers_async (move, NULL, ferry_cli_got_result, &result);
  stragglers = ferry_move_stragglers_finish (move, ferry_cli_wait_for (&result), &error);
  if (stragglers == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  if (left_behind != NULL)
    *left_behind = stragglers->len;
  if (stragglers->len == 0)
    g_print (_("Nobody is left behind: every follower Ferry knows of follows the new account.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u follower is not on the new account:\n",
                          "%u followers are not on the new account:\n", stragglers->len),
             stragglers->len);
  for (guint i = 0; i < stragglers->len; i++)
    {
      FerryMoveStraggler *straggler = g_ptr_array_index (stragglers, i);

      if (g_strcmp0 (host, straggler->host) != 0)
        g_print ("  %s\n", ferry_cli_safe (host = straggler->host));
      g_print ("    %s — %s\n", ferry_cli_safe (straggler->acct),
               ferry_cli_safe (straggler->reason));
    }
  if (export_path != NULL && !ferry_move_export_stragglers (stragglers, export_path, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  return 0;
}

static gboolean
watch_tick (gpointer user_data)
{
  watch_once (user_data, NULL);
  return G_SOURCE_CONTINUE;
}

int
ferry_cli_command_watch (int    argc,
                         char **argv)
{
  const GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Take one sample and stop"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the followers left behind to FILE as CSV"), N_("FILE") },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval_minutes, N_("Minutes between samples (30)"),
      N_("MINUTES") },
    { "back", 0, 0, G_OPTION_ARG_NONE, &back, N_("Watch the move back"), NULL },
    { NULL }
  };
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *post = NULL;
  guint left_behind = 0;
  int status;
  guint sigint, tick;

  if (!parse (&argc, &argv, _("— watch the followers arrive after the move"), entries))
    return 2;
  if ((move = open_move (back ? FERRY_MOVE_BACK : FERRY_MOVE_FORWARD, &error)) == NULL ||
      !refresh (move, &error))
    return ferry_cli_fail (g_steal_pointer (&error));
  g_print ("%s: %s\n", ferry_move_stage_title (FERRY_MOVE_STAGE_MOVE),
           ferry_cli_safe (ferry_move_get_detail (move, FERRY_MOVE_STAGE_MOVE)));
  status = watch_once (move, &left_behind);
  if (status == 0 && left_behind > 0)
    {
      post = ferry_move_get_announcement (move);
      g_print (_("\nA post for the followers left behind:\n%s\n"), ferry_cli_safe_lines (post));
    }
  if (once || status != 0)
    return status;

  sigint = g_unix_signal_add (SIGINT, ferry_cli_interrupted, cancellable);
  tick = g_timeout_add_seconds ((guint) MAX (interval_minutes, 1) * 60, watch_tick, move);
  while (!g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_source_remove (sigint);
  return 0;
}
