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
      /* The same error, its fields kept (status, the server's words), in other words. */
      g_autofree char *said = g_steal_pointer (&error->message);

      error->message = g_strdup_printf (_("Ferry stopped waiting: %s refused it %u times in a "
                                          "row (%s)."), watched_host (self, step), step->refusals,
                                        said);
      fail_step (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("still waiting: %s", error->message);   /* the server may be busy; ask again */

  waited_ms = (g_get_monotonic_time () - step->started) / 1000;
  if (waited_ms >= step->limit_ms)
    {
      guint limit = minutes_of (step->limit_ms);

      fail_step (task, g_error_new (FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_TIMED_OUT,
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

/* When a cooldown ends by what Ferry saw: the last move it saw, plus the server's cooldown. */
static gint64
cooldown_ends (FerryMove *self)
{
  guint days = self->origin->info ? ferry_server_info_get_move_cooldown (self->origin->info) : 0;

  return self->moved_at > 0 && days > 0 ? self->moved_at + days * (gint64) 86400 : 0;
}

static GError *
as_refusal (FerryMove        *self,
            FerryMoveBackend *backend,
            GError           *error)
{
  return ferry_move_error_new_refusal (backend, error, cooldown_ends (self));
}

static void
alias_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean verified = FALSE;

  if (!ferry_move_backend_add_alias_finish (FERRY_MOVE_BACKEND (object), result, &verified,
                                            &error))
    {
      fail_step (task, as_refusal (self, FERRY_MOVE_BACKEND (object), g_steal_pointer (&error)));
      return;
    }
  if (!verified)
    {
      poll_once (task);   /* sent: watched for until it shows */
      return;
    }
  self->alias = 1;
  ferry_move_save (self);
  ferry_move_evaluate (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  forget_password (step);   /* forgotten as soon as it is sent */
  if (!ferry_move_backend_move_finish (FERRY_MOVE_BACKEND (object), result, &error))
    {
      fail_step (task, as_refusal (self, FERRY_MOVE_BACKEND (object), g_steal_pointer (&error)));
      return;
    }
  poll_once (task);
}

static void
api_alias (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  g_autofree char *storage = NULL;

  ferry_move_backend_add_alias_async (ferry_move_side_backend (self->target),
                                      ferry_move_side_uri (self->origin, &storage),
                                      self->origin->acct, g_task_get_cancellable (task),
                                      alias_added_cb, task);
}

static void
api_move (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autofree char *storage = NULL;

  ferry_move_backend_move_async (ferry_move_side_backend (self->origin),
                                 ferry_move_side_uri (self->target, &storage),
                                 self->target->acct, step->password,
                                 g_task_get_cancellable (task), moved_cb, task);
}

/**
 * ferry_move_run_stage_async:
 * @stage: %FERRY_MOVE_STAGE_REDIRECT, %FERRY_MOVE_STAGE_ALIAS or %FERRY_MOVE_STAGE_MOVE
 * @password: (nullable): the origin's password, for a move through the API; never kept
 *
 * Does the step through the server's API where it has one and reads it back; otherwise
 * (after the caller opened ferry_move_get_handoff()'s page) watches the servers until the
 * step shows. Cancel @cancellable to stop waiting sooner; a wait ends by itself at the wait
 * limit (ferry_move_set_wait_limit()) with %FERRY_MOVE_ERROR_TIMED_OUT, or after the same refusal
 * three times in a row. A move back to an account whose server cannot cancel its redirect
 * fails at once with %FERRY_MOVE_ERROR_UNSUPPORTED, saying why; a move through the API with
 * no password with %FERRY_MOVE_ERROR_PASSWORD_NEEDED. A refusal is a %FERRY_MOVE_ERROR whose
 * code the server's family decided (ferry-move-error.h). An alias the server will not
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
          g_task_return_new_error (task, FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_UNSUPPORTED, "%s",
                                   refusal);
          g_object_unref (task);
          return;
        }
    }
  if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_side_has_api (self->origin) &&
      (password == NULL || password[0] == '\0'))
    {
      g_task_return_new_error (task, FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_PASSWORD_NEEDED,
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
    api_alias (task);
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
