/* ferry-move-backend.c: the base of the move backends, and the one place that picks one
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server Ferry knows nothing particular of is treated as Mastodon-compatible guesses:
 * no API for an alias or a move, the alias seen only in the account's ActivityPub actor
 * (alsoKnownAs), which a server with authorized fetch refuses to unsigned requests
 * (api-facts §7). The families override what they do differently.
 */

#define G_LOG_DOMAIN "ferry-move-backend"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-collections.h"
#include "ferry-move-backend.h"
#include "ferry-move-backend-akkoma.h"
#include "ferry-move-backend-gts.h"
#include "ferry-move-backend-mastodon.h"
#include "ferry-move-backend-misskey.h"
#include "ferry-move-endpoints.h"
#include "ferry-params.h"
#include "ferry-web-pages.h"

typedef struct
{
  FerryClient     *client;   /* owned */
  FerryServerInfo *info;     /* owned, nullable */
  char            *acct;     /* the account signed in, user@host */
} FerryMoveBackendPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FerryMoveBackend, ferry_move_backend, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_INFO,
  PROP_ACCT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ferry_move_web_step_free (FerryMoveWebStep *step)
{
  if (step == NULL)
    return;
  g_free (step->url);
  g_free (step->copy);
  g_free (step->instruction);
  g_free (step);
}

/* Takes @copy and @instruction. */
FerryMoveWebStep *
ferry_move_web_step_new (const char *base_url,
                         const char *path,
                         char       *copy,
                         char       *instruction)
{
  FerryMoveWebStep *step = g_new0 (FerryMoveWebStep, 1);

  step->url = g_strconcat (base_url, path, NULL);
  step->copy = copy;
  step->instruction = instruction;
  return step;
}

/**
 * ferry_move_backend_error_in_body:
 * @node: (nullable): a successful answer
 *
 * Akkoma says some refusals as `{"error": "…"}` with HTTP 200 (api-facts §8): such an
 * answer is an error like any other, with the server's text as its field.
 *
 * Returns: (transfer full) (nullable): the error, or %NULL when the answer is none
 */
GError *
ferry_move_backend_error_in_body (FerryMoveBackend *self,
                                  JsonNode         *node)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);
  JsonNode *member;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  member = json_object_get_member (json_node_get_object (node), "error");
  if (member == NULL)
    return NULL;
  text = JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING
           ? json_node_get_string (member) : "";
  return ferry_api_error_new_full (FERRY_API_ERROR_INVALID, 200, text, _("%s answered “%s”."),
                                   ferry_client_get_host (priv->client), text);
}

static gboolean
array_has_uri (JsonArray  *array,
               const char *uri)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), uri) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  char *origin_uri;
} ActorRead;

static void
actor_read_free (ActorRead *read)
{
  g_free (read->origin_uri);
  g_free (read);
}

static void
actor_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ActorRead *read = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ferry_client_get_bytes_finish (FERRY_CLIENT (object), result, &error);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *actor;
  JsonNode *aka;

  if (bytes == NULL)
    {
      /* Authorized fetch: the actor is not shown to unsigned requests. */
      if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH) ||
          g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
        g_task_return_int (task, -1);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL) ||
      (actor = ferry_api_json_root_object (parser)) == NULL ||
      (aka = json_object_get_member (actor, "alsoKnownAs")) == NULL)
    {
      g_task_return_int (task, 0);
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (aka))
    g_task_return_int (task, array_has_uri (json_node_get_array (aka), read->origin_uri));
  else
    g_task_return_int (task, JSON_NODE_HOLDS_VALUE (aka) &&
                             json_node_get_value_type (aka) == G_TYPE_STRING &&
                             g_strcmp0 (json_node_get_string (aka), read->origin_uri) == 0);
}

static void
real_read_alias_async (FerryMoveBackend *self,
                       const char       *actor_uri,
                       const char       *origin_uri,
                       const char       *origin_acct,
                       GTask            *task)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);
  ActorRead *read = g_new0 (ActorRead, 1);

  read->origin_uri = g_strdup (origin_uri);
  g_task_set_task_data (task, read, (GDestroyNotify) actor_read_free);
  ferry_client_get_activity_async (priv->client, actor_uri, g_task_get_cancellable (task),
                                   actor_read_cb, task);
}

static void
real_not_offered (FerryMoveBackend *self,
                  GTask            *task)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED,
                           _("%s does not offer this."), ferry_client_get_host (priv->client));
  g_object_unref (task);
}

static void
real_add_alias_async (FerryMoveBackend *self,
                      const char       *origin_uri,
                      const char       *origin_acct,
                      GTask            *task)
{
  real_not_offered (self, task);
}

static void
real_move_async (FerryMoveBackend *self,
                 const char       *target_uri,
                 const char       *target_acct,
                 const char       *password,
                 GTask            *task)
{
  real_not_offered (self, task);
}

/* Only what the status says: a 429, with the reset the server gave. */
static FerryMoveRefusal
real_classify (FerryMoveBackend *self,
               const GError     *error,
               gint64           *until)
{
  if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_RATE_LIMITED))
    {
      *until = ferry_api_error_get_reset_time (error);
      return FERRY_MOVE_REFUSAL_RATE_LIMITED;
    }
  if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    return FERRY_MOVE_REFUSAL_NOT_FOUND;
  return FERRY_MOVE_REFUSAL_OTHER;
}

static FerryMovedReads
real_moved_reads (FerryMoveBackend *self)
{
  return FERRY_MOVED_READS_UNKNOWN;
}

/* assumed: a server Ferry does not know has Mastodon's pages, if any */
static FerryMoveWebStep *
real_web_step (FerryMoveBackend *self,
               FerryMoveWebPage     page,
               const char       *acct,
               const char       *other_acct)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);
  const char *base = ferry_client_get_base_url (priv->client);
  char *copy = g_strdup_printf ("@%s", other_acct);

  switch (page)
    {
    case FERRY_MOVE_WEB_PAGE_ALIAS:
      return ferry_move_web_step_new (base, FERRY_PAGE_MASTODON_ALIASES, copy,
        g_strdup_printf (_("Signed in as %s, paste %s into “Handle of the old account” and "
                           "press “Create alias”."), acct, copy));
    case FERRY_MOVE_WEB_PAGE_MOVE:
      return ferry_move_web_step_new (base, FERRY_PAGE_MASTODON_MIGRATION, copy,
        g_strdup_printf (_("Signed in as %s, paste %s into “Handle of the new account”, type "
                           "the password of %s and press “Move followers”."),
                         acct, copy, acct));
    case FERRY_MOVE_WEB_PAGE_REDIRECT:
    default:
      g_free (copy);
      return NULL;
    }
}

/* assumed: Ferry knows of no way to clear the redirect on these */
static char *
real_redirect_refusal (FerryMoveBackend *self,
                       const char       *acct)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);
  const char *host = ferry_client_get_host (priv->client);

  if (priv->info == NULL)
    return NULL;
  return g_strdup_printf (_("%s runs %s %s, on which Ferry knows no way to cancel a redirect. A "
                            "move back to %s needs the admin of %s to clear the redirect first."),
                          host, ferry_server_info_get_software_name (priv->info),
                          ferry_server_info_get_version (priv->info), acct, host);
}

static void
ferry_move_backend_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FerryMoveBackend *self = FERRY_MOVE_BACKEND (object);
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;
    case PROP_INFO:
      g_value_set_object (value, priv->info);
      break;
    case PROP_ACCT:
      g_value_set_string (value, priv->acct);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_move_backend_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FerryMoveBackend *self = FERRY_MOVE_BACKEND (object);
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    case PROP_INFO:
      priv->info = g_value_dup_object (value);
      break;
    case PROP_ACCT:
      priv->acct = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_move_backend_dispose (GObject *object)
{
  FerryMoveBackendPrivate *priv =
    ferry_move_backend_get_instance_private (FERRY_MOVE_BACKEND (object));

  g_clear_object (&priv->client);
  g_clear_object (&priv->info);

  G_OBJECT_CLASS (ferry_move_backend_parent_class)->dispose (object);
}

static void
ferry_move_backend_finalize (GObject *object)
{
  FerryMoveBackendPrivate *priv =
    ferry_move_backend_get_instance_private (FERRY_MOVE_BACKEND (object));

  g_free (priv->acct);

  G_OBJECT_CLASS (ferry_move_backend_parent_class)->finalize (object);
}

static void
ferry_move_backend_class_init (FerryMoveBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ferry_move_backend_get_property;
  object_class->set_property = ferry_move_backend_set_property;
  object_class->dispose = ferry_move_backend_dispose;
  object_class->finalize = ferry_move_backend_finalize;

  klass->way = FERRY_MOVE_WAY_NONE;
  klass->incoming = FERRY_MOVE_INCOMING_FOLLOWS;
  klass->moved_reads = real_moved_reads;
  klass->web_step = real_web_step;
  klass->redirect_refusal = real_redirect_refusal;
  klass->read_alias_async = real_read_alias_async;
  klass->add_alias_async = real_add_alias_async;
  klass->move_async = real_move_async;
  klass->classify = real_classify;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, FERRY_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INFO] =
    g_param_spec_object ("info", NULL, NULL, FERRY_TYPE_SERVER_INFO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACCT] =
    g_param_spec_string ("acct", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_move_backend_init (FerryMoveBackend *self)
{
}

/* The one place that picks a family, from the probe's migration kind. */
static GType
type_for (FerryServerInfo *info)
{
  switch (info ? ferry_server_info_get_migration_kind (info) : FERRY_MIGRATION_NONE)
    {
    case FERRY_MIGRATION_MASTODON_WEB:
      return FERRY_TYPE_MOVE_BACKEND_MASTODON;
    case FERRY_MIGRATION_GOTOSOCIAL_API:
      return FERRY_TYPE_MOVE_BACKEND_GTS;
    case FERRY_MIGRATION_AKKOMA_API:
      return FERRY_TYPE_MOVE_BACKEND_AKKOMA;
    case FERRY_MIGRATION_MISSKEY:
      return FERRY_TYPE_MOVE_BACKEND_MISSKEY;
    case FERRY_MIGRATION_NONE:
    default:
      return FERRY_TYPE_MOVE_BACKEND;
    }
}

/**
 * ferry_move_backend_way_for:
 * @info: (nullable): what a probe found a server to be
 *
 * Returns: how the server's family moves accounts, without a backend (no client needed)
 */
FerryMoveWay
ferry_move_backend_way_for (FerryServerInfo *info)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type_for (info));

  return FERRY_MOVE_BACKEND_CLASS (klass)->way;
}

/**
 * ferry_move_backend_incoming_for:
 * @info: (nullable): what a probe found a follower's server to be
 *
 * Returns: what that server will do with a Move for its local followers
 */
FerryMoveIncoming
ferry_move_backend_incoming_for (FerryServerInfo *info)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type_for (info));

  return FERRY_MOVE_BACKEND_CLASS (klass)->incoming;
}

/**
 * ferry_move_backend_new:
 * @client: signed in to the account
 * @info: (nullable): what the probe found its server to be
 * @acct: the account, user@host
 *
 * Returns: (transfer full): the backend for the account's server
 */
FerryMoveBackend *
ferry_move_backend_new (FerryClient     *client,
                        FerryServerInfo *info,
                        const char      *acct)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);

  return g_object_new (type_for (info), "client", client, "info", info, "acct", acct, NULL);
}

const char *
ferry_move_backend_get_acct (FerryMoveBackend *self)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), NULL);

  return priv->acct;
}

FerryClient *
ferry_move_backend_get_client (FerryMoveBackend *self)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), NULL);

  return priv->client;
}

FerryServerInfo *
ferry_move_backend_get_info (FerryMoveBackend *self)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);

  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), NULL);

  return priv->info;
}

FerryMoveWay
ferry_move_backend_get_way (FerryMoveBackend *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), FERRY_MOVE_WAY_NONE);

  return FERRY_MOVE_BACKEND_GET_CLASS (self)->way;
}

/* Whether alias and move go through the API (else on web pages, or not at all). */
gboolean
ferry_move_backend_has_api (FerryMoveBackend *self)
{
  return ferry_move_backend_get_way (self) == FERRY_MOVE_WAY_API;
}

/* Whether the family moves accounts at all. */
gboolean
ferry_move_backend_can_move (FerryMoveBackend *self)
{
  return ferry_move_backend_get_way (self) != FERRY_MOVE_WAY_NONE;
}

FerryMovedReads
ferry_move_backend_moved_reads (FerryMoveBackend *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), FERRY_MOVED_READS_UNKNOWN);

  return FERRY_MOVE_BACKEND_GET_CLASS (self)->moved_reads (self);
}

/**
 * ferry_move_backend_web_step:
 * @acct: this server's account (the one signed in on the page)
 * @other_acct: the other account of the move
 *
 * Returns: (transfer full) (nullable): the page for @page and what to do there, or %NULL
 *   where the server has no page for it (or does it through its API)
 */
FerryMoveWebStep *
ferry_move_backend_web_step (FerryMoveBackend *self,
                             FerryMoveWebPage     page,
                             const char       *acct,
                             const char       *other_acct)
{
  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), NULL);

  return FERRY_MOVE_BACKEND_GET_CLASS (self)->web_step (self, page, acct, other_acct);
}

char *
ferry_move_backend_redirect_refusal (FerryMoveBackend *self,
                                     const char       *acct)
{
  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), NULL);

  return FERRY_MOVE_BACKEND_GET_CLASS (self)->redirect_refusal (self, acct);
}

void
ferry_move_backend_read_alias_async (FerryMoveBackend    *self,
                                     const char          *actor_uri,
                                     const char          *origin_uri,
                                     const char          *origin_acct,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_read_alias_async);
  FERRY_MOVE_BACKEND_GET_CLASS (self)->read_alias_async (self, actor_uri, origin_uri,
                                                         origin_acct, task);
}

int
ferry_move_backend_read_alias_finish (FerryMoveBackend  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_autoptr(GError) local = NULL;
  int seen;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  seen = (int) g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  return seen;
}

void
ferry_move_backend_add_alias_async (FerryMoveBackend    *self,
                                    const char          *origin_uri,
                                    const char          *origin_acct,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_add_alias_async);
  FERRY_MOVE_BACKEND_GET_CLASS (self)->add_alias_async (self, origin_uri, origin_acct, task);
}

gboolean
ferry_move_backend_add_alias_finish (FerryMoveBackend  *self,
                                     GAsyncResult      *result,
                                     gboolean          *verified,
                                     GError           **error)
{
  g_autoptr(GError) local = NULL;
  gssize shown;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  shown = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (verified != NULL)
    *verified = shown > 0;
  return TRUE;
}

/**
 * ferry_move_backend_move_async:
 * @password: the account's password (sent once, never kept)
 */
void
ferry_move_backend_move_async (FerryMoveBackend    *self,
                               const char          *target_uri,
                               const char          *target_acct,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_move_async);
  FERRY_MOVE_BACKEND_GET_CLASS (self)->move_async (self, target_uri, target_acct, password,
                                                   task);
}

gboolean
ferry_move_backend_move_finish (FerryMoveBackend  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ferry_move_backend_classify:
 * @error: what the server answered to an alias or a move
 * @until: (out): when the server will take it again (Unix seconds), or 0 when not known
 *
 * Returns: what the refusal means, from the answer's status and the server's own text
 */
FerryMoveRefusal
ferry_move_backend_classify (FerryMoveBackend *self,
                             const GError     *error,
                             gint64           *until)
{
  gint64 local = 0;

  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (self), FERRY_MOVE_REFUSAL_OTHER);

  if (until == NULL)
    until = &local;
  *until = 0;
  if (error == NULL)
    return FERRY_MOVE_REFUSAL_OTHER;
  return FERRY_MOVE_BACKEND_GET_CLASS (self)->classify (self, error, until);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  FerryAccount *account = node ? ferry_account_new_from_json (ferry_client_get_host (
                                                                FERRY_CLIENT (object)),
                                                              node, &error)
                               : NULL;

  if (account == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, account, g_object_unref);
}

/**
 * ferry_move_backend_unlock_async:
 *
 * Lets followers follow the account without approval (update_credentials locked=false).
 */
void
ferry_move_backend_unlock_async (FerryMoveBackend    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  FerryMoveBackendPrivate *priv = ferry_move_backend_get_instance_private (self);
  g_autoptr(FerryParams) params = ferry_params_new ();
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_unlock_async);
  ferry_params_add_bool (params, "locked", FALSE);
  ferry_client_call_async (priv->client, "PATCH", FERRY_PATH_UPDATE_CREDENTIALS, params,
                           cancellable, unlocked_cb, task);
}

/* Returns: (transfer full): the account as the server shows it now */
FerryAccount *
ferry_move_backend_unlock_finish (FerryMoveBackend  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The follow requests as accounts; entries that are not one are left out. */
static void
requests_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = ferry_client_list_finish (client, result, &error);
  GPtrArray *accounts;

  if (array == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FerryAccount *account = ferry_account_new_from_json (ferry_client_get_host (client),
                                                           json_array_get_element (array, i),
                                                           NULL);

      if (account != NULL)
        g_ptr_array_add (accounts, account);
    }
  g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

static void
followers_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts = ferry_client_list_all_finish (FERRY_CLIENT (object), result, &error);

  if (accounts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

/* Every page of the account's followers (public: after a move too), 80 a page. */
void
ferry_move_backend_list_followers_async (FerryMoveBackend    *self,
                                         const char          *account_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  FerryMoveBackendPrivate *priv;
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));
  g_return_if_fail (account_id != NULL);

  priv = ferry_move_backend_get_instance_private (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_list_followers_async);
  ferry_client_list_all_async (priv->client, FERRY_COLLECTION_FOLLOWERS, account_id, 0,
                               cancellable, followers_listed_cb, task);
}

/* Every page of the follow requests the signed-in account has not answered. */
void
ferry_move_backend_list_follow_requests_async (FerryMoveBackend    *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  FerryMoveBackendPrivate *priv;
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE_BACKEND (self));

  priv = ferry_move_backend_get_instance_private (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_backend_list_follow_requests_async);
  ferry_client_list_async (priv->client, FERRY_PATH_FOLLOW_REQUESTS, 0, cancellable,
                           requests_listed_cb, task);
}

/* Returns: (transfer full) (element-type FerryAccount): the accounts listed (entries that
 *   are not an account left out) */
GPtrArray *
ferry_move_backend_list_finish (FerryMoveBackend  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
