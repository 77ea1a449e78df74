/* ferry-move-steps.c: running a step (redirect, alias, move) and watching for it
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step either goes through the server's API (GoToSocial, Akkoma) and is then read back,
 * or was handed to a web page and is watched for: the servers are asked every poll
 * interval until it shows. Every wait has an end: the wait limit (a few minutes after an
 * API call), or the same refusal three times in a row; the step's detail says what is
 * awaited, from where, and for how long, and the error at the end says what to do.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-move-private.h"

#define API_WAIT_MS (2 * 60 * 1000)   /* a server shows what its API just did at once */
#define REFUSALS_MAX 3                  /* the same refusal this often: not waited out */

typedef struct
{
  FerryMoveStage  stage;
  char           *password;   /* for the API move only; wiped when done */
  guint           source;
  gboolean        handed_off; /* the person does it on a web page */
  gint64          started;    /* monotonic µs */
  guint           limit_ms;
  guint           minutes_said;
  guint           refusals;   /* refusals in a row */
} Step;

static void
forget_password (Step *step)
{
  if (step->password == NULL)
    return;
  memset (step->password, 0, strlen (step->password));
  g_clear_pointer (&step->password, g_free);
}

static void
step_free (Step *step)
{
  forget_password (step);
  g_clear_handle_id (&step->source, g_source_remove);
  g_free (step);
}

static void poll_once (GTask *task);

static gboolean
poll_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  Step *step = g_task_get_task_data (task);

  step->source = 0;
  poll_once (task);
  return G_SOURCE_REMOVE;
}

static void
poll_later (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  step->source = g_timeout_add (self->poll_ms, poll_again_cb, task);
}

/* Whether the step shows on the servers now. */
static gboolean
step_done (FerryMove *self,
           Step      *step)
{
  switch ((int) step->stage)
    {
    case FERRY_MOVE_STAGE_REDIRECT:
      return self->target->account != NULL && ferry_account_get_moved_to (self->target->account) == NULL;
    case FERRY_MOVE_STAGE_ALIAS:
      return self->alias == 1 || ferry_move_origin_moved (self);
    default:
      return ferry_move_origin_moved (self);
    }
}

static guint
minutes_of (guint ms)
{
  return MAX ((ms + 59999) / 60000, 1);
}

/* The server whose answer shows the step. */
static const char *
watched_host (FerryMove *self,
              Step      *step)
{
  return step->stage == FERRY_MOVE_STAGE_MOVE ? self->origin->handle->host : self->target->handle->host;
}

static void
say_waiting (FerryMove *self,
             Step      *step)
{
  guint limit = minutes_of (step->limit_ms);
  guint elapsed = (guint) ((g_get_monotonic_time () - step->started) / (60 * G_USEC_PER_SEC));
  g_autofree char *detail = NULL;

  if (step->minutes_said == 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Waiting for %s to show it; Ferry waits up to %u minute.",
                                           "Waiting for %s to show it; Ferry waits up to %u minutes.", limit),
                              watched_host (self, step), limit);
  else if (elapsed > step->minutes_said - 1)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Still waiting for %s: %u of %u minute so far.",
                                           "Still waiting for %s: %u of %u minutes so far.", limit),
                              watched_host (self, step), elapsed, limit);
  if (detail == NULL)
    return;
  step->minutes_said = elapsed + 1;
  ferry_move_set_stage (self, step->stage, FERRY_MOVE_STATUS_WAITING, detail);
}

static void
fail_step (GTask  *task,
           GError *error)
{
  FerryMove *self = g_task_get_source_object (task);

  ferry_move_evaluate (self);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static GError *explained (GError *error);

static void
polled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gint64 waited_ms;

  if (step->stage == FERRY_MOVE_STAGE_ALIAS)
    {
      int seen = ferry_move_alias_seen_finish (self, result, &error);

      if (error == NULL)
        self->alias = seen;
    }
  else
    ferry_move_side_lookup_finish (self, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (step_done (self, step))
    {
      ferry_move_note_moved (self, g_get_real_time () / G_USEC_PER_SEC);
      ferry_move_save (self);
      ferry_move_evaluate (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (step->stage == FERRY_MOVE_STAGE_ALIAS && self->alias < 0 && !self->alias_confirmed)
    {
      /* The server hides its actors from unsigned fetches: only the person can say. */
      ferry_move_evaluate (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* A refusal that does not pass (signed out, forbidden, gone) is not waited out. */
  if (error != NULL && error->domain == FERRY_API_ERROR &&
      (error->code == FERRY_API_ERROR_AUTH || error->code == FERRY_API_ERROR_FORBIDDEN ||
       error->code == FERRY_API_ERROR_NOT_FOUND))
    step->refusals++;
  else
    step->refusals = 0;
  if (step->refusals >= REFUSALS_MAX)
    {
      fail_step (task, g_error_new (error->domain, error->code,
                                    _("Ferry stopped waiting: %s refused it %u times in a row (%s)."),
                                    watched_host (self, step), step->refusals, error->message));
      return;
    }
  if (error != NULL)
    g_debug ("still waiting: %s", error->message);   /* the server may be busy; ask again */

  waited_ms = (g_get_monotonic_time () - step->started) / 1000;
  if (waited_ms >= step->limit_ms)
    {
      guint limit = minutes_of (step->limit_ms);

      fail_step (task, g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                    step->handed_off
                                      ? g_dngettext (GETTEXT_PACKAGE,
                                                     "%s did not show the step within %u minute, so Ferry "
                                                     "stopped waiting. Nothing was undone: once it is done "
                                                     "on the page, run the step again.",
                                                     "%s did not show the step within %u minutes, so Ferry "
                                                     "stopped waiting. Nothing was undone: once it is done "
                                                     "on the page, run the step again.", limit)
                                      : g_dngettext (GETTEXT_PACKAGE,
                                                     "%s accepted the request but did not show it within %u "
                                                     "minute, so Ferry stopped waiting. Run the step again "
                                                     "later to see whether it went through.",
                                                     "%s accepted the request but did not show it within %u "
                                                     "minutes, so Ferry stopped waiting. Run the step again "
                                                     "later to see whether it went through.", limit),
                                    watched_host (self, step), limit));
      return;
    }
  say_waiting (self, step);
  poll_later (task);
}

static void
poll_once (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  switch ((int) step->stage)
    {
    case FERRY_MOVE_STAGE_REDIRECT:
      ferry_move_side_lookup_async (self, self->target, cancellable, polled_cb, task);
      break;
    case FERRY_MOVE_STAGE_ALIAS:
      ferry_move_alias_seen_async (self, cancellable, polled_cb, task);
      break;
    default:
      ferry_move_side_lookup_async (self, self->origin, cancellable, polled_cb, task);
      break;
    }
}

static GError *
explained (GError *error)
{
  g_autofree char *explanation = ferry_move_explain_error (error->message);
  GError *result = g_error_new (error->domain, error->code, "%s (%s)", explanation, error->message);

  g_error_free (error);
  return result;
}

/* An answer to an API alias or move: Akkoma says its errors with HTTP 200. */
static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  forget_password (step);   /* forgotten as soon as it is sent */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      json_object_has_member (json_node_get_object (node), "error"))
    {
      const char *text = json_object_get_string_member_with_default (json_node_get_object (node),
                                                                     "error", "");

      error = g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_INVALID, _("%s answered “%s”."),
                           ferry_client_get_host (FERRY_CLIENT (object)), text);
    }
  if (error != NULL)
    {
      ferry_move_evaluate (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, explained (g_steal_pointer (&error)));
      g_object_unref (task);
      return;
    }
  poll_once (task);
}

/* GoToSocial's alias: the list sent replaces the account's whole list (an empty one clears
 * it, internal/processing/account/alias.go), so the aliases it has are read first and
 * sent again; the form key is bare and repeated (FERRY_GTS_ALIAS_FIELD); the answer is
 * the account, whose source.also_known_as_uris must then hold them all. */

static JsonArray *
gts_aliases_of (JsonNode *account)
{
  JsonNode *source = ferry_move_member (account, "source", JSON_NODE_OBJECT);
  JsonNode *list = ferry_move_member (source, "also_known_as_uris", JSON_NODE_ARRAY);

  if (list != NULL)
    return json_array_ref (json_node_get_array (list));
  if (source != NULL && ferry_move_member (source, "also_known_as_uris", JSON_NODE_NULL) == NULL &&
      json_object_has_member (json_node_get_object (source), "also_known_as_uris"))
    return NULL;   /* there, but not a list: not understood */
  return source != NULL ? json_array_new () : NULL;   /* none set: GoToSocial leaves it out */
}

static gboolean
list_has (JsonArray  *list,
          const char *uri)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (g_strcmp0 (ferry_move_string_of (json_array_get_element (list, i)), uri) == 0)
      return TRUE;
  return FALSE;
}

static void
gts_alias_sent_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  g_autoptr(JsonArray) now = NULL;
  g_autoptr(GString) lost = g_string_new (NULL);
  g_autofree char *storage = NULL;
  const char *origin_uri = ferry_move_side_uri (self->origin, &storage);
  const char *host = self->target->handle->host;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_step (task, g_steal_pointer (&error));
      else
        fail_step (task, explained (g_steal_pointer (&error)));
      return;
    }
  now = gts_aliases_of (node);
  for (guint i = 0; self->target_aliases != NULL && i < json_array_get_length (self->target_aliases); i++)
    {
      const char *uri = ferry_move_string_of (json_array_get_element (self->target_aliases, i));

      if (uri != NULL && !list_has (now, uri))
        g_string_append_printf (lost, "%s%s", lost->len ? ", " : "", uri);
    }
  g_clear_pointer (&self->target_aliases, json_array_unref);
  if (now != NULL)
    self->target_aliases = json_array_ref (now);
  if (lost->len > 0)
    {
      fail_step (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                    _("%s answered, but its aliases no longer list %s. Add them again "
                                      "in its settings under Migration."), host, lost->str));
      return;
    }
  if (!list_has (now, origin_uri))
    {
      self->alias = 0;
      fail_step (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                    _("%s answered, but its aliases do not list %s. The alias is not "
                                      "made; try again, or add it in its settings under Migration."),
                                    host, origin_uri));
      return;
    }
  self->alias = 1;
  ferry_move_save (self);
  ferry_move_evaluate (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
gts_aliases_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  g_autoptr(JsonArray) existing = node ? gts_aliases_of (node) : NULL;
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *storage = NULL;
  const char *origin_uri = ferry_move_side_uri (self->origin, &storage);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail_step (task, g_steal_pointer (&error));
      return;
    }
  if (existing == NULL)
    {
      /* Sent blind, the list would replace aliases Ferry cannot see. */
      fail_step (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                    _("Ferry could not read the aliases %s already has, so it changed "
                                      "nothing (%s)."), self->target->acct,
                                    error ? error->message : _("no list in the answer")));
      return;
    }
  g_clear_pointer (&self->target_aliases, json_array_unref);
  self->target_aliases = json_array_ref (existing);
  for (guint i = 0; i < json_array_get_length (existing); i++)
    {
      const char *uri = ferry_move_string_of (json_array_get_element (existing, i));

      if (uri != NULL && g_strcmp0 (uri, origin_uri) != 0)
        ferry_params_add (params, FERRY_GTS_ALIAS_FIELD, uri);
    }
  ferry_params_add (params, FERRY_GTS_ALIAS_FIELD, origin_uri);
  ferry_client_call_async (self->target->client, "POST", FERRY_PATH_GTS_ALIAS, params,
                           g_task_get_cancellable (task), gts_alias_sent_cb, task);
}

static void
gts_alias (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);

  ferry_client_call_async (self->target->client, "GET", FERRY_PATH_VERIFY_CREDENTIALS, NULL,
                           g_task_get_cancellable (task), gts_aliases_read_cb, task);
}

static void
akkoma_resolved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  g_autoptr(FerryParams) params = ferry_params_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  /* Not found is for the alias request to say, in its own words. */
  ferry_params_add (params, "alias", self->origin->acct);
  ferry_client_call_async (self->target->client, "PUT", "/api/pleroma/aliases", params,
                           g_task_get_cancellable (task), sent_cb, task);
}

/* Akkoma takes only accounts it already knows as aliases: have it look the origin up. */
static void
akkoma_alias (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(FerryParams) params = ferry_params_new ();

  ferry_params_add (params, "q", self->origin->acct);
  ferry_params_add (params, "type", "accounts");
  ferry_params_add (params, "resolve", "true");
  ferry_params_add (params, "limit", "1");
  ferry_client_call_async (self->target->client, "GET", "/api/v2/search", params,
                           g_task_get_cancellable (task), akkoma_resolved_cb, task);
}

static void
api_move (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *storage = NULL;

  ferry_params_add (params, "password", step->password);
  if (ferry_move_side_kind (self->origin) == FERRY_MIGRATION_GOTOSOCIAL_API)
    {
      ferry_params_add (params, "moved_to_uri", ferry_move_side_uri (self->target, &storage));
      ferry_client_call_async (self->origin->client, "POST", FERRY_PATH_GTS_MOVE, params,
                               g_task_get_cancellable (task), sent_cb, task);
    }
  else
    {
      ferry_params_add (params, "target_account", self->target->acct);
      ferry_client_call_async (self->origin->client, "POST", "/api/pleroma/move_account", params,
                               g_task_get_cancellable (task), sent_cb, task);
    }
}

/**
 * ferry_move_run_stage_async:
 * @stage: %FERRY_MOVE_STAGE_REDIRECT, %FERRY_MOVE_STAGE_ALIAS or %FERRY_MOVE_STAGE_MOVE
 * @password: (nullable): the origin's password, for a move through the API; never kept
 *
 * Does the step through the server's API where it has one and reads it back; otherwise
 * (after the caller opened ferry_move_get_handoff()'s page) watches the servers until the
 * step shows. Cancel @cancellable to stop waiting sooner; a wait ends by itself at the wait
 * limit (ferry_move_set_wait_limit()) with %G_IO_ERROR_TIMED_OUT, or after the same refusal
 * three times in a row. A move back to an account whose server cannot cancel its redirect
 * fails at once with %G_IO_ERROR_NOT_SUPPORTED, saying why. An alias the server will not
 * show ends with %FERRY_MOVE_STATUS_UNSURE: ferry_move_confirm_alias() is for the person.
 */
void
ferry_move_run_stage_async (FerryMove           *self,
                            FerryMoveStage       stage,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(FerryMoveHandoff) handoff = NULL;
  GTask *task;
  Step *step;

  g_return_if_fail (FERRY_IS_MOVE (self));
  g_return_if_fail (stage == FERRY_MOVE_STAGE_REDIRECT || stage == FERRY_MOVE_STAGE_ALIAS ||
                    stage == FERRY_MOVE_STAGE_MOVE);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_run_stage_async);
  step = g_new0 (Step, 1);
  step->stage = stage;
  step->password = g_strdup (password);
  g_task_set_task_data (task, step, (GDestroyNotify) step_free);
  self->running[stage] = TRUE;

  if (stage == FERRY_MOVE_STAGE_REDIRECT && self->target->account != NULL &&
      ferry_account_get_moved_to (self->target->account) != NULL)
    {
      g_autofree char *refusal = ferry_move_redirect_refusal (self);

      if (refusal != NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", refusal);
          g_object_unref (task);
          return;
        }
    }
  if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_side_has_api (self->origin) &&
      (password == NULL || password[0] == '\0'))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The old server asks for the password of %s to move it."),
                               self->origin->acct);
      g_object_unref (task);
      return;
    }

  handoff = ferry_move_get_handoff (self, stage);
  step->handed_off = handoff != NULL;
  step->started = g_get_monotonic_time ();
  step->limit_ms = handoff != NULL ? self->wait_ms : MIN (self->wait_ms, API_WAIT_MS);
  if (handoff != NULL)
    say_waiting (self, step);
  else
    ferry_move_set_stage (self, stage, FERRY_MOVE_STATUS_WAITING, _("Sending…"));
  if (stage == FERRY_MOVE_STAGE_ALIAS && ferry_move_side_has_api (self->target) && self->alias != 1)
    {
      if (ferry_move_side_kind (self->target) == FERRY_MIGRATION_GOTOSOCIAL_API)
        gts_alias (task);
      else
        akkoma_alias (task);
    }
  else if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_side_has_api (self->origin) &&
           !ferry_move_origin_moved (self))
    api_move (task);
  else
    poll_once (task);
}

gboolean
ferry_move_run_stage_finish (FerryMove     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  Step *step;
  gboolean done;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  step = g_task_get_task_data (G_TASK (result));
  self->running[step->stage] = FALSE;
  done = g_task_propagate_boolean (G_TASK (result), error);
  ferry_move_evaluate (self);
  return done;
}
