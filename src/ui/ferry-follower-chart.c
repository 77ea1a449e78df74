/* ferry-follower-chart.c: both accounts' followers over time
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lines over the samples FerryMove keeps: the old account's followers falling, the new
 * one's rising, with a mark where the move happened. The colours follow the style (the
 * accent for the new account, the foreground dimmed for the old); the numbers are in the
 * accessible description too.
 */

#define G_LOG_DOMAIN "ferry-follower-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-follower-chart.h"
#include "ferry-move.h"

#define MARGIN 12.0
#define AXIS_WIDTH 48.0

struct _FerryFollowerChart
{
  GtkWidget  parent_instance;

  GArray    *samples;     /* FerryMoveSample, a copy */
  gint64     moved_at;
};

G_DEFINE_FINAL_TYPE (FerryFollowerChart, ferry_follower_chart, GTK_TYPE_WIDGET)

static void
line (cairo_t         *cr,
      GArray          *samples,
      gboolean         new_account,
      double           x0,
      double           width,
      double           height,
      gint64           t0,
      gint64           span,
      gint64           top)
{
  gboolean started = FALSE;

  for (guint i = 0; i < samples->len; i++)
    {
      FerryMoveSample *sample = &g_array_index (samples, FerryMoveSample, i);
      gint64 value = new_account ? sample->new_followers : sample->old_followers;
      double x, y;

      if (value < 0)
        continue;
      x = x0 + (span > 0 ? (double) (sample->time - t0) / (double) span * width : width / 2);
      y = MARGIN + height - (double) value / (double) top * height;
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
      cairo_rectangle (cr, x - 2, y - 2, 4, 4);
      cairo_move_to (cr, x, y);
    }
  cairo_stroke (cr);
}

static void
ferry_follower_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FerryFollowerChart *self = FERRY_FOLLOWER_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot_width = width - AXIS_WIDTH - 2 * MARGIN;
  double plot_height = height - 2 * MARGIN - 16;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *top_text = NULL;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  gint64 t0 = G_MAXINT64, t1 = G_MININT64, top = 1;
  cairo_t *cr;

  if (self->samples == NULL || self->samples->len == 0 || plot_width <= 0 || plot_height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint i = 0; i < self->samples->len; i++)
    {
      FerryMoveSample *sample = &g_array_index (self->samples, FerryMoveSample, i);

      t0 = MIN (t0, sample->time);
      t1 = MAX (t1, sample->time);
      top = MAX (top, MAX (sample->old_followers, sample->new_followers));
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1);

  /* Axes, the top count and the move */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_move_to (cr, MARGIN + AXIS_WIDTH, MARGIN);
  cairo_line_to (cr, MARGIN + AXIS_WIDTH, MARGIN + plot_height);
  cairo_line_to (cr, MARGIN + AXIS_WIDTH + plot_width, MARGIN + plot_height);
  cairo_stroke (cr);
  if (self->moved_at >= t0 && self->moved_at <= t1 && t1 > t0)
    {
      double x = MARGIN + AXIS_WIDTH + (double) (self->moved_at - t0) / (double) (t1 - t0) * plot_width;
      double dashes[] = { 4, 4 };

      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, x, MARGIN);
      cairo_line_to (cr, x, MARGIN + plot_height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  top_text = g_strdup_printf ("%" G_GINT64_FORMAT, top);
  layout = gtk_widget_create_pango_layout (widget, top_text);
  cairo_move_to (cr, MARGIN, MARGIN - 6);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_text (layout, "0", -1);
  cairo_move_to (cr, MARGIN, MARGIN + plot_height - 10);
  pango_cairo_show_layout (cr, layout);

  /* Old account: the foreground, dimmed; new account: the accent, thicker. */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
  line (cr, self->samples, FALSE, MARGIN + AXIS_WIDTH, plot_width, plot_height, t0, t1 - t0, top);
  cairo_set_line_width (cr, 3);
  gdk_cairo_set_source_rgba (cr, &accent);
  line (cr, self->samples, TRUE, MARGIN + AXIS_WIDTH, plot_width, plot_height, t0, t1 - t0, top);
  cairo_destroy (cr);
}

static void
ferry_follower_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 240;
}

static void
ferry_follower_chart_finalize (GObject *object)
{
  FerryFollowerChart *self = FERRY_FOLLOWER_CHART (object);

  g_clear_pointer (&self->samples, g_array_unref);

  G_OBJECT_CLASS (ferry_follower_chart_parent_class)->finalize (object);
}

static void
ferry_follower_chart_class_init (FerryFollowerChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ferry_follower_chart_finalize;
  widget_class->snapshot = ferry_follower_chart_snapshot;
  widget_class->measure = ferry_follower_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "followerchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ferry_follower_chart_init (FerryFollowerChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Followers of both accounts over time"), -1);
}

GtkWidget *
ferry_follower_chart_new (void)
{
  return g_object_new (FERRY_TYPE_FOLLOWER_CHART, NULL);
}

/**
 * ferry_follower_chart_set_samples:
 * @samples: (element-type FerryMoveSample): copied
 * @moved_at: when the move happened, or 0
 */
void
ferry_follower_chart_set_samples (FerryFollowerChart *self,
                                  GArray             *samples,
                                  gint64              moved_at)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FERRY_IS_FOLLOWER_CHART (self));

  g_clear_pointer (&self->samples, g_array_unref);
  self->samples = g_array_copy (samples);
  self->moved_at = moved_at;
  if (samples->len > 0)
    {
      FerryMoveSample *last = &g_array_index (samples, FerryMoveSample, samples->len - 1);

      description = g_strdup_printf (_("Last count: %d on the old account, %d on the new one."),
                                     (int) last->old_followers, (int) last->new_followers);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
