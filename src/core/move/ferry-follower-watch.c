/* ferry-follower-watch.c: the follower counts, sampled while Ferry runs
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job that runs until it is cancelled: every interval (and whenever asked, after a check
 * or a step) it takes a sample of both accounts' follower counts with
 * ferry_move_sample_async(), which keeps it in the move's state file (written off the main
 * thread). Before the move too, once the checks passed: the chart starts from where the
 * followers were. Paused, it takes no sample until it is resumed. Observe
 * #FerryFollowerWatch:n-samples (and :last-sampled) for new samples.
 */

#define G_LOG_DOMAIN "ferry-follower-watch"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-follower-watch.h"

struct _FerryFollowerWatch
{
  FerryJob      parent_instance;

  FerryMove    *move;            /* owned */
  guint         interval;        /* seconds */
  GTask        *task;            /* owned: the run, until it ends */
  GSource      *cancelled;       /* owned: the run's cancellable, while it runs */
  guint         tick_id;
  gboolean      sampling;        /* a sample is under way */
  gboolean      parked;          /* a sample waits for the job to be resumed */
  gboolean      again;           /* one was asked for during a sample */
  gint64        last_sampled;    /* Unix seconds, or 0 */
};

G_DEFINE_FINAL_TYPE (FerryFollowerWatch, ferry_follower_watch, FERRY_TYPE_JOB)

enum
{
  PROP_0,
  PROP_MOVE,
  PROP_INTERVAL,
  PROP_N_SAMPLES,
  PROP_LAST_SAMPLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sample (FerryFollowerWatch *self);

static gboolean
running (FerryFollowerWatch *self)
{
  return self->task != NULL && !ferry_job_is_cancelled (FERRY_JOB (self));
}

static void
wait_for_next (FerryFollowerWatch *self)
{
  /* FerryJob's waiting-until is real time in µs, as g_get_real_time(). */
  gint64 next = g_get_real_time () + (gint64) self->interval * G_USEC_PER_SEC;

  ferry_job_set_waiting (FERRY_JOB (self), next, _("Waiting to count the followers again"));
}

static void
sampled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FerryFollowerWatch) self = user_data;
  g_autoptr(GError) error = NULL;

  self->sampling = FALSE;
  if (!ferry_move_sample_finish (FERRY_MOVE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("No sample: %s", error->message);   /* the next one may be luckier */
    }
  else
    {
      GArray *samples = ferry_move_get_samples (self->move);

      self->last_sampled = g_array_index (samples, FerryMoveSample, samples->len - 1).time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAMPLES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SAMPLED]);
    }
  if (!running (self))
    return;
  if (self->again)
    {
      self->again = FALSE;
      sample (self);
      return;
    }
  wait_for_next (self);
}

static void
resumed (FerryJob *job,
         gpointer  user_data)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (job);

  self->parked = FALSE;
  if (!running (self))
    return;
  if (self->sampling)
    {
      self->again = TRUE;
      return;
    }
  if (!ferry_move_checks_passed (self->move))
    {
      wait_for_next (self);
      return;
    }
  self->sampling = TRUE;
  ferry_job_set_running (job);
  ferry_move_sample_async (self->move, ferry_job_get_cancellable (job), sampled_cb,
                           g_object_ref (self));
}

static void
sample (FerryFollowerWatch *self)
{
  if (self->parked)
    return;
  self->parked = TRUE;
  ferry_job_when_running (FERRY_JOB (self), resumed, NULL);
}

static gboolean
tick_cb (gpointer user_data)
{
  sample (FERRY_FOLLOWER_WATCH (user_data));
  return G_SOURCE_CONTINUE;
}

/* The run ends only so: the job's cancellable, seen from the main loop (never inside the
 * cancel itself). */
static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  FerryFollowerWatch *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_task_return_error_if_cancelled (task);
  g_clear_pointer (&self->cancelled, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
ferry_follower_watch_run_async (FerryJob            *job,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (job);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_follower_watch_run_async);
  self->cancelled = g_cancellable_source_new (cancellable);
  g_source_set_callback (self->cancelled, (GSourceFunc) cancelled_cb, self, NULL);
  g_source_attach (self->cancelled, g_main_context_get_thread_default ());
  self->tick_id = g_timeout_add_seconds (self->interval, tick_cb, self);
  wait_for_next (self);
}

static gboolean
ferry_follower_watch_run_finish (FerryJob      *job,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_follower_watch_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (object);

  switch (prop_id)
    {
    case PROP_MOVE:
      g_value_set_object (value, self->move);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_N_SAMPLES:
      g_value_set_uint (value, ferry_follower_watch_get_n_samples (self));
      break;
    case PROP_LAST_SAMPLED:
      g_value_set_int64 (value, self->last_sampled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_follower_watch_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (object);

  switch (prop_id)
    {
    case PROP_MOVE:
      self->move = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      self->interval = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_follower_watch_constructed (GObject *object)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (object);
  GArray *samples;

  G_OBJECT_CLASS (ferry_follower_watch_parent_class)->constructed (object);

  g_assert (self->move != NULL);
  samples = ferry_move_get_samples (self->move);
  if (samples->len > 0)
    self->last_sampled = g_array_index (samples, FerryMoveSample, samples->len - 1).time;
}

static void
ferry_follower_watch_dispose (GObject *object)
{
  FerryFollowerWatch *self = FERRY_FOLLOWER_WATCH (object);

  /* A run holds the watch (its task's source object): here it has ended. */
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->cancelled != NULL)
    g_source_destroy (self->cancelled);
  g_clear_pointer (&self->cancelled, g_source_unref);
  g_clear_object (&self->move);

  G_OBJECT_CLASS (ferry_follower_watch_parent_class)->dispose (object);
}

static void
ferry_follower_watch_class_init (FerryFollowerWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->constructed = ferry_follower_watch_constructed;
  object_class->dispose = ferry_follower_watch_dispose;
  object_class->get_property = ferry_follower_watch_get_property;
  object_class->set_property = ferry_follower_watch_set_property;
  job_class->run_async = ferry_follower_watch_run_async;
  job_class->run_finish = ferry_follower_watch_run_finish;

  properties[PROP_MOVE] =
    g_param_spec_object ("move", NULL, NULL, FERRY_TYPE_MOVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT, FERRY_FOLLOWER_WATCH_INTERVAL_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * FerryFollowerWatch:n-samples:
   *
   * How many samples the move keeps (ferry_follower_watch_get_samples()); notified for each
   * new one.
   */
  properties[PROP_N_SAMPLES] =
    g_param_spec_uint ("n-samples", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SAMPLED] =
    g_param_spec_int64 ("last-sampled", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_follower_watch_init (FerryFollowerWatch *self)
{
  self->interval = FERRY_FOLLOWER_WATCH_INTERVAL_SECONDS;
}

/**
 * ferry_follower_watch_new:
 * @interval_seconds: between samples (%FERRY_FOLLOWER_WATCH_INTERVAL_SECONDS)
 *
 * Run it with ferry_job_run_async(); it ends when it is cancelled.
 */
FerryFollowerWatch *
ferry_follower_watch_new (FerryMove *move,
                          guint      interval_seconds)
{
  g_return_val_if_fail (FERRY_IS_MOVE (move), NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);

  return g_object_new (FERRY_TYPE_FOLLOWER_WATCH, "move", move, "interval", interval_seconds, NULL);
}

FerryMove *
ferry_follower_watch_get_move (FerryFollowerWatch *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWER_WATCH (self), NULL);

  return self->move;
}

guint
ferry_follower_watch_get_interval (FerryFollowerWatch *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWER_WATCH (self), 0);

  return self->interval;
}

/**
 * ferry_follower_watch_get_samples:
 *
 * Returns: (transfer none) (element-type FerryMoveSample): the move's samples, oldest first
 */
GArray *
ferry_follower_watch_get_samples (FerryFollowerWatch *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWER_WATCH (self), NULL);

  return ferry_move_get_samples (self->move);
}

guint
ferry_follower_watch_get_n_samples (FerryFollowerWatch *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWER_WATCH (self), 0);

  return ferry_move_get_samples (self->move)->len;
}

/* Returns: when the newest sample was taken (Unix seconds), or 0 */
gint64
ferry_follower_watch_get_last_sampled (FerryFollowerWatch *self)
{
  g_return_val_if_fail (FERRY_IS_FOLLOWER_WATCH (self), 0);

  return self->last_sampled;
}

/**
 * ferry_follower_watch_sample_now:
 *
 * Takes a sample now, while it runs (after a check or a step): the interval goes on as it
 * was. One asked for during a sample follows it; paused, it waits for the resume.
 */
void
ferry_follower_watch_sample_now (FerryFollowerWatch *self)
{
  g_return_if_fail (FERRY_IS_FOLLOWER_WATCH (self));

  if (running (self))
    sample (self);
}
