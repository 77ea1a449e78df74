/* ferry-move.c: the move itself: alias, move, and watching the servers for each step
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A FerryMove holds the two accounts and walks the steps of a move (api-facts §7, §8):
 * the alias on the account moved to, then the move on the account moved from. Where the
 * server has an API for a step (GoToSocial, Akkoma and Pleroma) Ferry does it; where it has
 * none (Mastodon), ferry_move_get_handoff() names the web page and what to do there, and
 * ferry_move_run_stage_async() watches the servers until the step shows: the alias in the
 * new account's actor (alsoKnownAs), the move in the old account's "moved". A move back is
 * the same walk the other way, after the old account's redirect is cancelled.
 *
 * Persistence reader: the move's state file and the backup's account lists.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-move-endpoints.h"
#include "ferry-move-private.h"

G_DEFINE_FINAL_TYPE (FerryMove, ferry_move, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ferry_move_handoff_free (FerryMoveHandoff *handoff)
{
  if (handoff == NULL)
    return;
  g_free (handoff->url);
  g_free (handoff->copy);
  g_free (handoff->instruction);
  g_free (handoff);
}

static void
side_clear (FerryMoveSide *side)
{
  g_clear_object (&side->client);
  g_clear_pointer (&side->handle, ferry_handle_free);
  g_clear_pointer (&side->acct, g_free);
  g_clear_object (&side->account);
  g_clear_object (&side->info);
  g_clear_object (&side->backend);
  g_clear_error (&side->verify_error);
}

static void
ferry_move_finalize (GObject *object)
{
  FerryMove *self = FERRY_MOVE (object);

  side_clear (&self->old_side);
  side_clear (&self->new_side);
  g_free (self->backup_dir);
  g_free (self->state_dir);
  for (guint i = 0; i < FERRY_MOVE_N_STAGES; i++)
    g_free (self->detail[i]);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->forecast, g_ptr_array_unref);
  g_clear_pointer (&self->followers, g_ptr_array_unref);
  g_clear_pointer (&self->servers, g_hash_table_unref);
  g_clear_pointer (&self->samples, g_array_unref);
  g_clear_pointer (&self->save_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_move_parent_class)->finalize (object);
}

static void
ferry_move_class_init (FerryMoveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_move_finalize;

  /**
   * FerryMove::changed:
   *
   * A step's status or detail, the checks, the forecast or the samples changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ferry_move_init (FerryMove *self)
{
  self->poll_ms = 5000;
  self->wait_ms = 15 * 60 * 1000;
  self->checks = g_ptr_array_new ();
  self->forecast = g_ptr_array_new ();
  self->followers = g_ptr_array_new_with_free_func (g_free);
  self->servers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) ferry_move_server_free);
  self->samples = g_array_new (FALSE, FALSE, sizeof (FerryMoveSample));
  self->save_waiters = g_ptr_array_new ();
  self->state_dir = g_build_filename (g_get_user_data_dir (), "ferry", "moves", NULL);
}

static gboolean
side_init (FerryMoveSide *side,
           FerryClient   *client,
           const char    *handle)
{
  side->client = g_object_ref (client);
  side->handle = ferry_handle_parse (handle, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  if (side->handle == NULL)
    return FALSE;
  side->acct = ferry_handle_to_string (side->handle);
  return TRUE;
}

/**
 * ferry_move_new:
 * @old_client: signed in to the old account (the one that moves away forward)
 * @old_handle: its address, user@host
 * @new_client: signed in to the new account
 * @new_handle: its address
 *
 * Returns: (transfer full): a move, not yet checked: call ferry_move_refresh_async()
 */
FerryMove *
ferry_move_new (FerryClient        *old_client,
                const char         *old_handle,
                FerryClient        *new_client,
                const char         *new_handle,
                FerryMoveDirection  direction)
{
  FerryMove *self;

  g_return_val_if_fail (FERRY_IS_CLIENT (old_client), NULL);
  g_return_val_if_fail (FERRY_IS_CLIENT (new_client), NULL);

  self = g_object_new (FERRY_TYPE_MOVE, NULL);
  self->direction = direction;
  if (!side_init (&self->old_side, old_client, old_handle) ||
      !side_init (&self->new_side, new_client, new_handle))
    g_critical ("ferry_move_new: an address that is not one (%s, %s)", old_handle, new_handle);
  self->origin = direction == FERRY_MOVE_FORWARD ? &self->old_side : &self->new_side;
  self->target = direction == FERRY_MOVE_FORWARD ? &self->new_side : &self->old_side;
  ferry_move_load_state (self);
  for (guint i = 0; i < FERRY_MOVE_N_STAGES; i++)
    self->detail[i] = g_strdup ("");
  return self;
}

FerryMoveDirection
ferry_move_get_direction (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FERRY_MOVE_FORWARD);

  return self->direction;
}

const char *
ferry_move_get_origin_handle (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return self->origin->acct;
}

const char *
ferry_move_get_target_handle (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return self->target->acct;
}

/**
 * ferry_move_set_backup:
 * @backup_dir: (nullable): the folder of the old account's last backup
 */
void
ferry_move_set_backup (FerryMove  *self,
                       const char *backup_dir)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  g_free (self->backup_dir);
  self->backup_dir = g_strdup (backup_dir);
}

/**
 * ferry_move_set_transfer_skipped:
 *
 * The person knowingly goes without a transfer (nothing to copy, or done by hand).
 */
void
ferry_move_set_transfer_skipped (FerryMove *self,
                                 gboolean   skipped)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  self->transfer_skipped = skipped;
  if (self->refreshed)
    ferry_move_evaluate (self);
}

gboolean
ferry_move_get_transfer_skipped (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FALSE);

  return self->transfer_skipped;
}

/**
 * ferry_move_set_poll_interval:
 *
 * How often the servers are asked while Ferry waits for a step (5 s unless told).
 */
void
ferry_move_set_poll_interval (FerryMove *self,
                              guint      milliseconds)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  self->poll_ms = MAX (milliseconds, 1);
}

/**
 * ferry_move_set_wait_limit:
 *
 * The longest Ferry watches for a step handed to a web page (15 minutes unless told); a
 * step done through the API is read back within two minutes at most. A wait that ends
 * so says what to do.
 */
void
ferry_move_set_wait_limit (FerryMove *self,
                           guint      milliseconds)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  self->wait_ms = MAX (milliseconds, 1);
}

/**
 * ferry_move_set_state_dir:
 *
 * Where what is watched after the move is kept (the user data folder unless told).
 */
void
ferry_move_set_state_dir (FerryMove  *self,
                          const char *dir)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  g_free (self->state_dir);
  self->state_dir = g_strdup (dir);
  g_ptr_array_set_size (self->followers, 0);
  g_hash_table_remove_all (self->servers);
  g_array_set_size (self->samples, 0);
  ferry_move_load_state (self);
}

FerryMoveStatus
ferry_move_get_status (FerryMove      *self,
                       FerryMoveStage  stage)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FERRY_MOVE_STATUS_PENDING);
  g_return_val_if_fail (stage < FERRY_MOVE_N_STAGES, FERRY_MOVE_STATUS_PENDING);

  return self->status[stage];
}

const char *
ferry_move_get_detail (FerryMove      *self,
                       FerryMoveStage  stage)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);
  g_return_val_if_fail (stage < FERRY_MOVE_N_STAGES, NULL);

  return self->detail[stage];
}

void
ferry_move_set_stage (FerryMove       *self,
                      FerryMoveStage   stage,
                      FerryMoveStatus  status,
                      const char      *detail)
{
  if (self->status[stage] == status && g_strcmp0 (self->detail[stage], detail) == 0)
    return;
  self->status[stage] = status;
  g_free (self->detail[stage]);
  self->detail[stage] = g_strdup (detail ? detail : "");
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

const char *
ferry_move_stage_title (FerryMoveStage stage)
{
  switch (stage)
    {
    case FERRY_MOVE_STAGE_CHECKS:
      return _("Checks");
    case FERRY_MOVE_STAGE_BACKUP:
      return _("Backup");
    case FERRY_MOVE_STAGE_TRANSFER:
      return _("Transfer");
    case FERRY_MOVE_STAGE_REDIRECT:
      return _("Cancel the redirect");
    case FERRY_MOVE_STAGE_ALIAS:
      return _("Alias");
    case FERRY_MOVE_STAGE_MOVE:
      return _("Move");
    case FERRY_MOVE_STAGE_WATCH:
      return _("Followers");
    case FERRY_MOVE_N_STAGES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ferry_move_has_stage:
 *
 * Returns: whether this move has the step (a move back has no backup or transfer, and
 *   a forward move no redirect to cancel)
 */
gboolean
ferry_move_has_stage (FerryMove      *self,
                      FerryMoveStage  stage)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FALSE);

  switch (stage)
    {
    case FERRY_MOVE_STAGE_BACKUP:
    case FERRY_MOVE_STAGE_TRANSFER:
      return self->direction == FERRY_MOVE_FORWARD;
    case FERRY_MOVE_STAGE_REDIRECT:
      return self->direction == FERRY_MOVE_BACK;
    case FERRY_MOVE_STAGE_CHECKS:
    case FERRY_MOVE_STAGE_ALIAS:
    case FERRY_MOVE_STAGE_MOVE:
    case FERRY_MOVE_STAGE_WATCH:
      return TRUE;
    case FERRY_MOVE_N_STAGES:
    default:
      return FALSE;
    }
}

/* The side's server family, for what the probe found (made again once it answered). */
FerryMoveBackend *
ferry_move_side_backend (FerryMoveSide *side)
{
  if (side->backend == NULL || ferry_move_backend_get_info (side->backend) != side->info)
    {
      g_clear_object (&side->backend);
      side->backend = ferry_move_backend_new (side->client, side->info, side->acct);
    }
  return side->backend;
}

gboolean
ferry_move_side_has_api (FerryMoveSide *side)
{
  return ferry_move_backend_has_api (ferry_move_side_backend (side));
}

/**
 * ferry_move_needs_password:
 *
 * Returns: whether the move goes through the old server's API, which wants the account's
 *   password (asked each time, sent once, never kept)
 */
gboolean
ferry_move_needs_password (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), FALSE);

  return ferry_move_side_has_api (self->origin);
}

/**
 * ferry_move_get_handoff:
 *
 * Returns: (transfer full) (nullable): the web page for @stage and what to do on it, or
 *   %NULL when Ferry does the step through the server's API
 */
FerryMoveHandoff *
ferry_move_get_handoff (FerryMove      *self,
                        FerryMoveStage  stage)
{
  g_autoptr(FerryMoveWebStep) step = NULL;
  FerryMoveHandoff *handoff;

  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  switch ((int) stage)
    {
    case FERRY_MOVE_STAGE_ALIAS:
      step = ferry_move_backend_web_step (ferry_move_side_backend (self->target),
                                          FERRY_MOVE_WEB_PAGE_ALIAS, self->target->acct,
                                          self->origin->acct);
      break;
    case FERRY_MOVE_STAGE_MOVE:
      step = ferry_move_backend_web_step (ferry_move_side_backend (self->origin),
                                          FERRY_MOVE_WEB_PAGE_MOVE, self->origin->acct,
                                          self->target->acct);
      break;
    case FERRY_MOVE_STAGE_REDIRECT:
      step = ferry_move_backend_web_step (ferry_move_side_backend (self->target),
                                          FERRY_MOVE_WEB_PAGE_REDIRECT, self->target->acct,
                                          self->origin->acct);
      break;
    default:
      break;
    }
  if (step == NULL)
    return NULL;
  handoff = g_new0 (FerryMoveHandoff, 1);
  handoff->url = g_steal_pointer (&step->url);
  handoff->copy = g_steal_pointer (&step->copy);
  handoff->instruction = g_steal_pointer (&step->instruction);
  return handoff;
}

/**
 * ferry_move_redirect_refusal:
 *
 * Returns: (transfer full) (nullable): why the account moved back to cannot drop its
 *   redirect on its server, in that software's own terms; %NULL where it can (Mastodon:
 *   "Cancel redirect" on /settings/migration), or while its server is not known yet
 */
char *
ferry_move_redirect_refusal (FerryMove *self)
{
  if (self->target->info == NULL)
    return NULL;
  return ferry_move_backend_redirect_refusal (ferry_move_side_backend (self->target),
                                              self->target->acct);
}

/* Accounts */

/**
 * ferry_move_normalize_acct:
 * @host: the server that named it (local accounts have no host in acct)
 *
 * Returns: (transfer full): user@host, lower case host
 */
char *
ferry_move_normalize_acct (const char *acct,
                           const char *host)
{
  return ferry_handle_normalize_acct (acct, host);
}

/* persistence reader (for the readers of Ferry's own files: the state file, the backup's):
 * a member of the type asked for, or %NULL: a file may come in any shape. */
JsonNode *
ferry_move_member (JsonNode     *node,
                   const char   *name,
                   JsonNodeType  type)
{
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  member = json_object_get_member (json_node_get_object (node), name);
  return member != NULL && json_node_get_node_type (member) == type ? member : NULL;
}

/* persistence reader: a string value, or %NULL for anything else. */
const char *
ferry_move_string_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

/* persistence reader: the "acct" of an account in a backup's list, or %NULL. */
const char *
ferry_move_acct_of (JsonNode *account)
{
  return ferry_move_string_of (ferry_move_member (account, "acct", JSON_NODE_VALUE));
}

const char *
ferry_move_side_uri (FerryMoveSide *side,
          char         **storage)
{
  const char *uri = side->account ? ferry_account_get_uri (side->account) : NULL;

  if (uri != NULL && uri[0] != '\0')
    return uri;
  *storage = g_strconcat (ferry_client_get_base_url (side->client), FERRY_PATH_MASTODON_ACTOR,
                          side->handle->username, NULL);
  return *storage;
}

/* Whether the origin's public profile says it moved to the target. */
gboolean
ferry_move_origin_moved (FerryMove *self)
{
  const char *moved =
    self->origin->account ? ferry_account_get_moved_to (self->origin->account) : NULL;
  g_autofree char *acct = NULL;

  if (moved == NULL)
    return FALSE;
  acct = ferry_move_normalize_acct (moved, self->origin->handle->host);
  return g_ascii_strcasecmp (acct, self->target->acct) == 0;
}

/* The first time the move shows, remembered as when it happened. A move undone since (the
 * origin seen without its redirect, after a move back) and made again gets the new date. */
void
ferry_move_note_moved (FerryMove *self,
                       gint64     now)
{
  if (ferry_move_origin_moved (self))
    {
      if (self->moved_at == 0 || self->moved_undone)
        self->moved_at = now;
      self->moved_undone = FALSE;
    }
  else if (self->moved_at != 0 && self->origin->account != NULL &&
           ferry_account_get_moved_to (self->origin->account) == NULL)
    self->moved_undone = TRUE;
}

/* Refresh: both accounts, both servers, the alias, the followers, the forecast */

typedef struct
{
  guint    pending;
  GError  *error;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->error);
  g_free (refresh);
}

static void refresh_step_done (GTask *task);

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  FerryMoveSide *side =
    FERRY_CLIENT (object) == self->old_side.client ? &self->old_side : &self->new_side;
  g_autoptr(FerryAccount) account = NULL;

  g_clear_error (&side->verify_error);
  account = ferry_client_verify_credentials_finish (FERRY_CLIENT (object), result,
                                                    &side->verify_error);
  refresh_step_done (g_steal_pointer (&task));
}

/* Reading one account: its server's public lookup first. GoToSocial refuses that to a
 * moved account's own token (403 "you cannot use this endpoint", api/util/errorhandling.go
 * NotFoundAfterMove) and to no token at all (401), but still answers verify_credentials:
 * then that; and failing both, the other account's server, which knows it. */
typedef struct
{
  FerryMoveSide *side;      /* unowned: a member of the move */
  guint          attempt;   /* 0 lookup, 1 verify_credentials, 2 through the other server */
  GError        *first;     /* the first refusal, said if every way fails */
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_error (&lookup->first);
  g_free (lookup);
}

static void lookup_send (GTask *task);

static gboolean
refused (const GError *error)
{
  return g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN) ||
         g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH);
}

static void
side_looked_up_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  FerryMoveSide *side = lookup->side;
  g_autoptr(GError) error = NULL;
  FerryAccount *account = lookup->attempt == 1
    ? ferry_client_verify_credentials_finish (FERRY_CLIENT (object), result, &error)
    : ferry_client_lookup_account_finish (FERRY_CLIENT (object), result, &error);

  if (account != NULL && lookup->attempt > 0
      && (g_ascii_strcasecmp (ferry_account_get_handle (account)->username, side->handle->username)
            != 0
          || g_ascii_strcasecmp (ferry_account_get_handle (account)->host, side->handle->host)
               != 0))
    {
      /* Not the account asked for (another one's token): not taken as it. */
      g_clear_object (&account);
      g_set_error (&error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s answered with another account than %s."), side->handle->host, side->acct);
    }
  if (account == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          (lookup->attempt == 0 && !refused (error)) || lookup->attempt >= 2)
        {
          g_task_return_error (task, lookup->first ? g_steal_pointer (&lookup->first)
                                                   : g_steal_pointer (&error));
          return;
        }
      if (lookup->attempt == 0)
        side->lookup_refused = TRUE;   /* not asked again while this move lasts */
      if (lookup->first == NULL)
        lookup->first = g_steal_pointer (&error);
      lookup->attempt++;
      lookup_send (g_steal_pointer (&task));
      return;
    }
  g_clear_object (&side->account);
  side->account = account;
  g_task_return_boolean (task, TRUE);
}

static void
lookup_send (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  FerryMoveSide *side = lookup->side;
  FerryMoveSide *other = side == &self->old_side ? &self->new_side : &self->old_side;
  GCancellable *cancellable = g_task_get_cancellable (task);

  switch (lookup->attempt)
    {
    case 0:
      ferry_client_lookup_account_async (side->client, side->handle->username, cancellable,
                                         side_looked_up_cb, task);
      break;
    case 1:
      ferry_client_verify_credentials_async (side->client, cancellable, side_looked_up_cb, task);
      break;
    default:
      ferry_client_lookup_account_async (other->client, side->acct, cancellable,
                                         side_looked_up_cb, task);
      break;
    }
}

/* Reads @side's profile again: in public where its server allows it, else as above. */
void
ferry_move_side_lookup_async (FerryMove           *self,
                              FerryMoveSide       *side,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->side = side;
  lookup->attempt = side->lookup_refused ? 1 : 0;
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  lookup_send (task);
}

gboolean
ferry_move_side_lookup_finish (FerryMove     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!ferry_move_side_lookup_finish (FERRY_MOVE (object), result, &error)
      && refresh->error == NULL)
    refresh->error = g_steal_pointer (&error);
  refresh_step_done (g_steal_pointer (&task));
}

/* A probe knows which side it is for: the servers' hosts cannot tell the sides apart (both
 * accounts on one server, or one host with two ports), and probes end in any order. */
typedef struct
{
  GTask         *task;   /* owned */
  FerryMoveSide *side;   /* unowned: lives as long as the move the task holds */
} Probe;

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Probe *probe = user_data;
  g_autoptr(GTask) task = probe->task;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  FerryServerInfo *info = ferry_server_info_probe_finish (result, &error);

  if (info == NULL)
    {
      if (refresh->error == NULL)
        refresh->error = g_steal_pointer (&error);
      refresh_step_done (g_steal_pointer (&task));
      return;
    }
  g_clear_object (&probe->side->info);
  probe->side->info = info;
  refresh_step_done (g_steal_pointer (&task));
}

static void
side_refresh (GTask         *task,
              FerryMoveSide *side)
{
  Refresh *refresh = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  FerryMove *self = g_task_get_source_object (task);

  refresh->pending += 2;
  ferry_client_verify_credentials_async (side->client, cancellable, verified_cb,
                                         g_object_ref (task));
  ferry_move_side_lookup_async (self, side, cancellable, looked_up_cb, g_object_ref (task));
  if (side->info == NULL)
    {
      Probe *probe = g_new0 (Probe, 1);

      probe->task = g_object_ref (task);
      probe->side = side;
      refresh->pending++;
      ferry_server_info_probe_async (side->client, cancellable, probed_cb, probe);
    }
}

static void
refresh_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* A state that could not be kept is warned about, not a failure of the refresh. */
  g_task_propagate_boolean (G_TASK (result), NULL);
  ferry_move_evaluate (FERRY_MOVE (object));
  g_task_return_boolean (task, TRUE);
}

static void
forecast_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMove *self = FERRY_MOVE (object);
  g_autoptr(GError) error = NULL;

  if (!ferry_move_forecast_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ferry_move_note_moved (self, g_get_real_time () / G_USEC_PER_SEC);
  self->refreshed = TRUE;
  ferry_move_save_async (self, refresh_saved_cb, g_steal_pointer (&task));
}

static void
alias_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMove *self = FERRY_MOVE (object);
  g_autoptr(GError) error = NULL;
  int seen = ferry_move_alias_seen_finish (self, result, &error);
  GCancellable *cancellable;

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->alias = seen;
  cancellable = g_task_get_cancellable (task);
  ferry_move_forecast_async (self, cancellable, forecast_done_cb, g_steal_pointer (&task));
}

static void
refresh_step_done (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  FerryMove *self = g_task_get_source_object (task);

  if (--refresh->pending > 0)
    {
      g_object_unref (task);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (self->origin->account == NULL || self->target->account == NULL ||
      self->origin->info == NULL || self->target->info == NULL)
    {
      if (refresh->error == NULL)
        refresh->error = g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                                      _("Ferry could not read both accounts."));
      g_task_return_error (task, g_steal_pointer (&refresh->error));
      g_object_unref (task);
      return;
    }
  ferry_move_alias_seen_async (self, g_task_get_cancellable (task), alias_checked_cb, task);
}

/**
 * ferry_move_refresh_async:
 *
 * Reads both accounts and servers, whether the alias is there and whether the move has
 * happened, the origin's followers (until the move) and what their servers will do; then
 * sets every step's status and the pre-flight checks.
 */
void
ferry_move_refresh_async (FerryMove           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh = g_new0 (Refresh, 1);

  g_return_if_fail (FERRY_IS_MOVE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_refresh_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  refresh->pending = 1;
  side_refresh (task, &self->old_side);
  side_refresh (task, &self->new_side);
  refresh_step_done (g_steal_pointer (&task));
}

gboolean
ferry_move_refresh_finish (FerryMove     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
