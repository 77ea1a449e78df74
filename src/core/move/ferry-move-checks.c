/* ferry-move-checks.c: the pre-flight checks and each step's status
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that can make a move fail is looked at before anything changes (api-facts §7):
 * both accounts signed in, a recent finished backup, the transfer done or knowingly
 * skipped, the new account unlocked, neither account moved already, servers that can do it.
 *
 * Persistence reader: the backup's manifest.json and the transfer's report.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-move-policy.h"
#include "ferry-move-private.h"

#define BACKUP_FRESH_DAYS 7

static void
check_free (FerryMoveCheck *check)
{
  g_free (check->id);
  g_free (check->title);
  g_free (check->detail);
  g_free (check);
}

static void
add_check (GPtrArray      *checks,
           const char     *id,
           FerryMoveLevel  level,
           FerryMoveFix    fix,
           const char     *title,
           char           *detail)
{
  FerryMoveCheck *check = g_new0 (FerryMoveCheck, 1);

  check->id = g_strdup (id);
  check->level = level;
  check->fix = fix;
  check->title = g_strdup (title);
  check->detail = detail;
  g_ptr_array_add (checks, check);
}

/* The checks */

static char *
days_text (gint64 days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) days),
                          (int) days);
}

/* Why the backup comes first, as the old account's server behaves after a move:
 * Mastodon refuses a moved account's token on most of what a backup reads (require_user!,
 * api-facts §0.2); GoToSocial still lets it read (observed-servers.md), but nothing about
 * the move can be undone there without its admin (ferry_move_redirect_refusal()). */
static char *
why_backup_first (FerryMove *self,
                  gboolean   unfinished)
{
  const char *host = self->old_side.handle->host;
  FerryMovedReads reads = self->old_side.info == NULL
    ? FERRY_MOVED_READS_REFUSED
    : ferry_move_backend_moved_reads (ferry_move_side_backend (&self->old_side));

  if (reads == FERRY_MOVED_READS_ALLOWED)
    return unfinished ? g_strdup_printf (_("The last backup did not finish. Finish it before the "
                                           "move: GoToSocial "
                                           "still lets a moved account read its data, but on %s "
                                           "nothing of the move "
                                           "can be undone without its admin."),
                                         host)
                      : g_strdup_printf (_("No backup yet. Back up the old account first: "
                                           "GoToSocial still lets a "
                                           "moved account read its data, but on %s nothing of the "
                                           "move can be undone "
                                           "without its admin."),
                                         host);
  if (reads == FERRY_MOVED_READS_UNKNOWN)
    return unfinished
      ? g_strdup (_("The last backup did not finish. Finish it before the move: what this server "
                    "still lets a moved account read is not known."))
      : g_strdup (_("No backup yet. Back up the old account first: what this server still lets a "
                    "moved account read is not known."));
  return unfinished
    ? g_strdup (_("The last backup did not finish. Finish it before the move: after it, "
                  "the old server refuses most of what a backup reads."))
    : g_strdup (_("No backup yet. After the move the old server refuses most of what a "
                  "backup reads: back up the old account first."));
}

static FerryMoveLevel
check_backup (FerryMove  *self,
              char      **detail)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonNode *manifest;
  JsonNode *account;
  const char *handle;
  const char *created_text;
  g_autofree char *age = NULL;
  gint64 days;

  if (self->backup_dir == NULL)
    {
      *detail = why_backup_first (self, FALSE);
      return FERRY_MOVE_LEVEL_BLOCKER;
    }
  path = g_build_filename (self->backup_dir, "manifest.json", NULL);
  if (!json_parser_load_from_file (parser, path, NULL) ||
      ferry_api_json_root_object (parser) == NULL)
    {
      *detail = why_backup_first (self, TRUE);
      return FERRY_MOVE_LEVEL_BLOCKER;
    }
  /* persistence reader: the backup's manifest.json, which Ferry's backup wrote */
  manifest = json_parser_get_root (parser);
  account = ferry_move_member (manifest, "account", JSON_NODE_OBJECT);
  handle = ferry_move_string_of (ferry_move_member (account, "handle", JSON_NODE_VALUE));
  if (handle == NULL || g_ascii_strcasecmp (handle, self->old_side.acct) != 0)
    {
      *detail = g_strdup_printf (_("The backup chosen is not of %s. Back up this account."),
                                 self->old_side.acct);
      return FERRY_MOVE_LEVEL_BLOCKER;
    }
  created_text = ferry_move_string_of (ferry_move_member (manifest, "created", JSON_NODE_VALUE));
  created = created_text ? g_date_time_new_from_iso8601 (created_text, NULL) : NULL;
  days = created ? g_date_time_difference (now, created) / G_TIME_SPAN_DAY : 0;
  age = days_text (days);
  if (days >= BACKUP_FRESH_DAYS)
    {
      *detail =
        g_strdup_printf (_("The backup is %s old: back up again to keep what changed since."),
                         age);
      return FERRY_MOVE_LEVEL_WARNING;
    }
  *detail = days == 0 ? g_strdup (_("A finished backup from today."))
                      : g_strdup_printf (_("A finished backup, %s old."), age);
  return FERRY_MOVE_LEVEL_OK;
}

static FerryMoveLevel
check_transfer (FerryMove  *self,
                char      **detail)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report;
  gint64 missing;

  if (self->transfer_skipped)
    {
      *detail = g_strdup (_("Skipped: nothing of the old account is copied to the new one."));
      return FERRY_MOVE_LEVEL_WARNING;
    }
  if (self->backup_dir != NULL)
    {
      name = g_strdup_printf ("%s@%s.report.json", self->new_side.handle->username,
                              self->new_side.handle->host);
      g_strdelimit (name, "/\\:", '_');
      path = g_build_filename (self->backup_dir, ".ferry-transfer", name, NULL);
    }
  if (path == NULL || !json_parser_load_from_file (parser, path, NULL) ||
      ferry_api_json_root_object (parser) == NULL)
    {
      *detail =
        g_strdup (_("Not done: follows, lists, blocks and the rest are not on the new account "
                    "yet. Transfer them first, or skip this knowingly."));
      return FERRY_MOVE_LEVEL_BLOCKER;
    }
  /* persistence reader: the transfer's report, which Ferry's transfer wrote */
  report = json_node_get_object (json_parser_get_root (parser));
  missing = json_object_get_int_member_with_default (report, "missing", 0);
  if (missing > 0)
    {
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Done; %d item is not on the new account (each with "
                                              "its reason on the Transfer page).",
                                              "Done; %d items are not on the new account (each "
                                              "with its reason on the Transfer page).",
                                              (gulong) missing),
                                 (int) missing);
      return FERRY_MOVE_LEVEL_WARNING;
    }
  *detail = g_strdup (_("Done and checked: everything is on the new account."));
  return FERRY_MOVE_LEVEL_OK;
}

static void
check_signed_in (FerryMove     *self,
                 FerryMoveSide *side,
                 gboolean       may_be_moved)
{
  GError *error = side->verify_error;
  const char *id = side == &self->old_side ? "old-account" : "new-account";
  const char *title = side == &self->old_side ? _("Old account") : _("New account");

  if (error == NULL)
    add_check (self->checks, id, FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE, title,
                          g_strdup_printf (_("%s is signed in."), side->acct));
  else if (may_be_moved && g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
    add_check (self->checks, id, FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE, title,
               g_strdup_printf (_("%s has moved, so its server limits what it can do."),
                                side->acct));
  else if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH))
    add_check (self->checks, id, FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE, title,
               g_strdup_printf (_("%s refused Ferry’s sign-in: sign in again."), side->acct));
  else
    add_check (self->checks, id, FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE, title,
                          g_strdup (error->message));
}

static void
check_accounts (FerryMove *self,
                gboolean   moved)
{
  const char *origin_moved = ferry_account_get_moved_to (self->origin->account);
  const char *target_moved = ferry_account_get_moved_to (self->target->account);
  gboolean back = self->direction == FERRY_MOVE_BACK;
  g_autofree char *refusal = NULL;

  check_signed_in (self, self->origin, moved);
  check_signed_in (self, self->target, back);

  if (moved)
    add_check (self->checks, "origin-moved", FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE,
               _("Moved"),
               g_strdup_printf (_("%s has moved to %s."), self->origin->acct, self->target->acct));
  else if (origin_moved != NULL)
    add_check (self->checks, "origin-moved", FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE,
               _("Already moved"),
               g_strdup_printf (_("%s already redirects to %s. Cancel that redirect on its "
                                  "server’s migration page first."),
                                self->origin->acct, origin_moved));
  else
    add_check (self->checks, "origin-moved", FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE,
               _("Not moved yet"), g_strdup_printf (_("%s has not moved."), self->origin->acct));

  if (target_moved != NULL && back && (refusal = ferry_move_redirect_refusal (self)) != NULL)
    add_check (self->checks, "target-moved", FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE,
                          _("Redirect"), g_steal_pointer (&refusal));
  else if (target_moved != NULL && back)
    add_check (self->checks, "target-moved", FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE,
               _("Redirect"),
               g_strdup_printf (_("%s still redirects to %s: the first step cancels that."),
                                self->target->acct, target_moved));
  else if (target_moved != NULL)
    add_check (self->checks, "target-moved", FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE,
               _("Account to move to"),
               g_strdup_printf (_("%s has itself moved to %s: servers refuse a move to it."),
                                self->target->acct, target_moved));
  else
    add_check (self->checks, "target-moved", FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE,
               _("Account to move to"),
               g_strdup_printf (_("%s has not moved away."), self->target->acct));

  if (ferry_account_get_locked (self->target->account) && !moved)
    add_check (self->checks, "locked", FERRY_MOVE_LEVEL_WARNING, FERRY_MOVE_FIX_UNLOCK,
               _("Locked account"),
               g_strdup_printf (_("%s approves followers by hand: every moved follower would "
                                  "arrive as a follow request. Unlock it for the move."),
                                self->target->acct));
  else
    add_check (self->checks, "locked", FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE,
               _("Open to followers"),
               g_strdup_printf (_("%s takes followers without approval."), self->target->acct));
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time != NULL ? g_date_time_format (time, "%x") : g_strdup ("?");
}

/* A move Ferry saw before, now undone (a move back): the origin's server refuses another
 * for a while, and followers' Mastodon servers ignore a second Move from the same account
 * for 7 days (api-facts §0.4). A warning, not a blocker: Ferry knows when it saw the move,
 * which may be later than when it happened. */
static void
check_cooldown (FerryMove *self,
                gboolean   moved)
{
  guint days = ferry_server_info_get_move_cooldown (self->origin->info);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *moved_on = NULL;
  g_autofree char *until = NULL;

  if (moved || self->moved_at <= 0 || self->moved_at > now)
    return;   /* none seen, or a time from a broken clock or file */
  moved_on = format_day (self->moved_at);
  if (days > 0 && now < self->moved_at + days * (gint64) 86400)
    {
      until = format_day (self->moved_at + days * (gint64) 86400);
      add_check (self->checks, "cooldown", FERRY_MOVE_LEVEL_WARNING, FERRY_MOVE_FIX_NONE,
                 _("Moved before"),
                 g_strdup_printf (
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s moved on %s. Its server lets an account move again only %u day "
                                "after its last move, so it will likely refuse until %s.",
                                "%s moved on %s. Its server lets an account move again only %u "
                                "days "
                                "after its last move, so it will likely refuse until %s.",
                                days),
                   self->origin->acct, moved_on, days, until));
    }
  else if (now < self->moved_at + 7 * (gint64) 86400)
    {
      until = format_day (self->moved_at + 7 * (gint64) 86400);
      add_check (self->checks, "cooldown", FERRY_MOVE_LEVEL_WARNING, FERRY_MOVE_FIX_NONE,
                 _("Moved before"),
                 g_strdup_printf (_("%s moved on %s. Mastodon servers ignore a second move of the "
                                    "same account "
                                    "within 7 days, so followers there would stay behind until "
                                    "%s."),
                                  self->origin->acct, moved_on, until));
    }
}

static void
check_servers (FerryMove *self)
{
  FerryServerInfo *origin = self->origin->info;
  FerryServerInfo *target = self->target->info;
  g_autofree char *how = ferry_move_describe_server (origin);

  if (ferry_server_info_honours_move (target))
    add_check (self->checks, "target-server", FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE,
               _("Server moved to"),
               g_strdup_printf (_("%s (%s %s) takes moved accounts in."),
                                ferry_server_info_get_host (target),
                                ferry_server_info_get_software_name (target),
                                ferry_server_info_get_version (target)));
  else
    add_check (self->checks, "target-server", FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE,
                          _("Server moved to"),
                          g_strdup_printf (_("%s (%s) does not take moved accounts in."),
                                           ferry_server_info_get_host (target),
                                           ferry_server_info_get_software_name (target)));

  if (!ferry_move_backend_can_move (ferry_move_side_backend (self->origin)))
    add_check (self->checks, "origin-server", FERRY_MOVE_LEVEL_BLOCKER, FERRY_MOVE_FIX_NONE,
                          _("Server moved from"), g_steal_pointer (&how));
  else if (ferry_move_side_has_api (self->origin))
    {
      add_check (self->checks, "origin-server", FERRY_MOVE_LEVEL_OK, FERRY_MOVE_FIX_NONE,
                            _("Server moved from"), g_steal_pointer (&how));
      add_check (self->checks, "password", FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE,
                 _("Password"),
                 g_strdup_printf (_("%s asks for the account’s password at the move. Ferry "
                                    "sends it once and never keeps it."),
                                  ferry_server_info_get_host (origin)));
    }
  else
    {
      add_check (self->checks, "origin-server", FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE,
                            _("Server moved from"), g_steal_pointer (&how));
      add_check (self->checks, "password", FERRY_MOVE_LEVEL_INFO, FERRY_MOVE_FIX_NONE,
                 _("Password"),
                 g_strdup_printf (_("%s’s web page asks for the account’s password at the "
                                    "move; Ferry never sees it."),
                                  ferry_server_info_get_host (origin)));
    }
}

static gboolean
has_level (FerryMove      *self,
           FerryMoveLevel  level)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (((FerryMoveCheck *) g_ptr_array_index (self->checks, i))->level == level)
      return TRUE;
  return FALSE;
}

static FerryMoveStatus
status_of (FerryMoveLevel level,
           FerryMoveStatus blocked)
{
  switch (level)
    {
    case FERRY_MOVE_LEVEL_OK:
    case FERRY_MOVE_LEVEL_INFO:
      return FERRY_MOVE_STATUS_DONE;
    case FERRY_MOVE_LEVEL_WARNING:
      return FERRY_MOVE_STATUS_WARNING;
    case FERRY_MOVE_LEVEL_BLOCKER:
    default:
      return blocked;
    }
}

static void
set_stage (FerryMove       *self,
           FerryMoveStage   stage,
           FerryMoveStatus  status,
           char            *detail)
{
  /* A step under way keeps its waiting state and words until it ends. */
  if (!self->running[stage])
    ferry_move_set_stage (self, stage, status, detail);
  g_free (detail);
}

static void
evaluate_steps (FerryMove *self,
                gboolean   moved,
                gboolean   blocked)
{
  gboolean redirected = self->direction == FERRY_MOVE_BACK &&
                        ferry_account_get_moved_to (self->target->account) != NULL;
  gboolean aliased = moved || self->alias == 1 || self->alias_confirmed;

  g_autofree char *refusal = redirected ? ferry_move_redirect_refusal (self) : NULL;

  if (refusal != NULL)
    set_stage (self, FERRY_MOVE_STAGE_REDIRECT, FERRY_MOVE_STATUS_FAILED,
               g_steal_pointer (&refusal));
  else if (self->direction == FERRY_MOVE_BACK)
    set_stage (self, FERRY_MOVE_STAGE_REDIRECT,
               redirected ? FERRY_MOVE_STATUS_READY : FERRY_MOVE_STATUS_DONE,
               redirected
                 ? g_strdup_printf (_("%s still redirects its visitors away."), self->target->acct)
                 : g_strdup_printf (_("%s no longer redirects."), self->target->acct));

  if (aliased)
    set_stage (self, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_DONE,
               self->alias == 1 || moved ? g_strdup_printf (_("%s names %s as its old account."),
                                                            self->target->acct, self->origin->acct)
                                         : g_strdup (_("You confirmed the alias.")));
  else if (blocked || redirected)
    set_stage (self, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_PENDING,
               g_strdup (redirected ? _("After the redirect is cancelled.")
                                    : _("After the checks pass.")));
  else if (self->alias < 0)
    set_stage (self, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_UNSURE,
               g_strdup_printf (_("%s does not show its aliases to other servers’ unsigned "
                                  "requests, so "
                                  "Ferry cannot see the alias. Confirm it once it is made."),
                                self->target->handle->host));
  else
    set_stage (self, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_READY,
               g_strdup_printf (_("Add %s as an alias of %s."), self->origin->acct,
                                self->target->acct));

  if (moved)
    set_stage (self, FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STATUS_DONE,
               g_strdup_printf (_("%s now points to %s, and its followers are told."),
                                self->origin->acct, self->target->acct));
  else if (aliased && !blocked)
    set_stage (self, FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STATUS_READY,
               g_strdup_printf (_("Move %s to %s."), self->origin->acct, self->target->acct));
  else
    set_stage (self, FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STATUS_PENDING,
               g_strdup (_("After the alias.")));

  if (moved && self->samples->len > 0)
    {
      FerryMoveSample *last =
        &g_array_index (self->samples, FerryMoveSample, self->samples->len - 1);
      gint64 arrived =
        self->direction == FERRY_MOVE_FORWARD ? last->new_followers : last->old_followers;

      set_stage (self, FERRY_MOVE_STAGE_WATCH, FERRY_MOVE_STATUS_DONE,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s has %d follower; %d followed the old account.",
                                               "%s has %d followers; %d followed the old account.",
                                               (gulong) MAX (arrived, 0)),
                                  self->target->acct, (int) arrived, (int) self->followers->len));
    }
  else
    set_stage (self, FERRY_MOVE_STAGE_WATCH,
               moved ? FERRY_MOVE_STATUS_READY : FERRY_MOVE_STATUS_PENDING,
               g_strdup (moved ? _("Watching the followers arrive.") : _("After the move.")));
}

/**
 * ferry_move_evaluate:
 *
 * Makes the checks and every step's status from what was last read.
 */
void
ferry_move_evaluate (FerryMove *self)
{
  gboolean moved = ferry_move_origin_moved (self);
  gboolean forward = self->direction == FERRY_MOVE_FORWARD;
  gboolean blocked;
  char *detail = NULL;
  FerryMoveLevel level;

  if (self->origin->account == NULL || self->target->account == NULL ||
      self->origin->info == NULL || self->target->info == NULL)
    return;

  g_ptr_array_set_free_func (self->checks, (GDestroyNotify) check_free);
  g_ptr_array_set_size (self->checks, 0);
  check_accounts (self, moved);
  check_servers (self);
  check_cooldown (self, moved);
  if (forward)
    {
      level = check_backup (self, &detail);
      add_check (self->checks, "backup", moved ? MIN (level, FERRY_MOVE_LEVEL_INFO) : level,
                            FERRY_MOVE_FIX_NONE, _("Backup"), g_strdup (detail));
      set_stage (self, FERRY_MOVE_STAGE_BACKUP, status_of (level, FERRY_MOVE_STATUS_READY),
                 g_steal_pointer (&detail));
      level = check_transfer (self, &detail);
      add_check (self->checks, "transfer", moved ? MIN (level, FERRY_MOVE_LEVEL_INFO) : level,
                 level == FERRY_MOVE_LEVEL_BLOCKER ? FERRY_MOVE_FIX_SKIP_TRANSFER
                                                   : FERRY_MOVE_FIX_NONE,
                 _("Transfer"), g_strdup (detail));
      set_stage (self, FERRY_MOVE_STAGE_TRANSFER, status_of (level, FERRY_MOVE_STATUS_READY),
                 g_steal_pointer (&detail));
    }

  blocked = has_level (self, FERRY_MOVE_LEVEL_BLOCKER);
  if (blocked)
    set_stage (self, FERRY_MOVE_STAGE_CHECKS, FERRY_MOVE_STATUS_FAILED,
               g_strdup (_("Something must be put right before the move.")));
  else if (has_level (self, FERRY_MOVE_LEVEL_WARNING))
    set_stage (self, FERRY_MOVE_STAGE_CHECKS, FERRY_MOVE_STATUS_WARNING,
               g_strdup (_("The move can go ahead; read the warnings first.")));
  else
    set_stage (self, FERRY_MOVE_STAGE_CHECKS, FERRY_MOVE_STATUS_DONE,
               g_strdup (_("Everything is ready for the move.")));
  evaluate_steps (self, moved, blocked);
}

/**
 * ferry_move_get_checks:
 *
 * Returns: (transfer none) (element-type FerryMoveCheck): the last checks' results
 */
GPtrArray *
ferry_move_get_checks (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return self->checks;
}

/**
 * ferry_move_checks_passed:
 *
 * Returns: whether nothing blocks the move (warnings the person has read may remain)
 */
gboolean
ferry_move_checks_passed (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FALSE);

  return self->refreshed && !has_level (self, FERRY_MOVE_LEVEL_BLOCKER);
}

/* Unlocking the new account */

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  FerryAccount *account = ferry_move_backend_unlock_finish (FERRY_MOVE_BACKEND (object), result,
                                                            &error);

  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&self->target->account);
  self->target->account = account;
  ferry_move_evaluate (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * ferry_move_unlock_async:
 *
 * Lets followers follow the account moved to without approval, so that moved followers
 * are not turned into follow requests.
 */
void
ferry_move_unlock_async (FerryMove           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ferry_move_unlock_async);
  ferry_move_backend_unlock_async (ferry_move_side_backend (self->target), cancellable,
                                   unlocked_cb, task);
}

gboolean
ferry_move_unlock_finish (FerryMove     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
